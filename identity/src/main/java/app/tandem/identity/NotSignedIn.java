package app.tandem.identity;

import app.tandem.core.web.DomainException;

/** Thrown when an operation needs a signed-in member and the request has none. */
public class NotSignedIn extends DomainException {

    public NotSignedIn() {
        super(Kind.UNAUTHENTICATED, "not-signed-in", "Sign in as a member of this organization first.");
    }
}
