package app.tandem.core.tenant;

import app.tandem.core.web.DomainException;

/** The slug or host is already used by another tenant. */
public class AddressTaken extends DomainException {

    public AddressTaken(String field, String value) {
        super(Kind.CONFLICT, field + "-taken", "\"" + value + "\" is already taken; please choose another.");
    }
}
