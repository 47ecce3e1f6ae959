package app.tandem.identity;

import app.tandem.core.web.DomainException;

/** The identity provider's password policy refused a password; the message says which rule it broke. */
public class PasswordRejected extends DomainException {

    public PasswordRejected(String reason) {
        super(Kind.INVALID, "password-rejected", "Choose another password: " + reason);
    }
}
