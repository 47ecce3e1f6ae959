package app.tandem.identity.member;

import app.tandem.core.web.DomainException;

/** A member's details are not acceptable; the message says which and why. */
public class InvalidMember extends DomainException {

    InvalidMember(String message) {
        super(Kind.INVALID, "invalid-member", message);
    }
}
