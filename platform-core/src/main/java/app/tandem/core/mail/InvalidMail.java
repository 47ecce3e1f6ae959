package app.tandem.core.mail;

import app.tandem.core.web.DomainException;

/** A mail was refused before it was stored: no valid recipient, no subject, no text. The message says which. */
public class InvalidMail extends DomainException {

    public InvalidMail(String message) {
        super(Kind.INVALID, "invalid-mail", message);
    }
}
