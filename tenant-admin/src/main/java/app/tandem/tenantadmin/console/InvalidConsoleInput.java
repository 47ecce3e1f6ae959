package app.tandem.tenantadmin.console;

import app.tandem.core.web.DomainException;

/** A filter, page or form field of the operator console broke its rules; the message says which and how. */
class InvalidConsoleInput extends DomainException {

    private final String field;

    InvalidConsoleInput(String field, String message) {
        super(Kind.INVALID, "invalid-" + field, message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
