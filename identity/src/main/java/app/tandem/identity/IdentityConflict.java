package app.tandem.identity;

import app.tandem.core.web.DomainException;

/** The identity provider refused a change because it contradicts what it already holds. */
public class IdentityConflict extends DomainException {

    public IdentityConflict(String message) {
        super(Kind.CONFLICT, "identity-conflict", message);
    }
}
