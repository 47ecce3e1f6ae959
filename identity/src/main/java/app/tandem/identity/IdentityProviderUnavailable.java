package app.tandem.identity;

import app.tandem.core.web.DomainException;

/** The identity provider could not be reached or failed; the same request may succeed later. */
public class IdentityProviderUnavailable extends DomainException {

    public IdentityProviderUnavailable(String message) {
        super(Kind.UNAVAILABLE, "identity-provider-unavailable", message);
    }
}
