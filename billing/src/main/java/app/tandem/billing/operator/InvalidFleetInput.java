package app.tandem.billing.operator;

import app.tandem.core.web.DomainException;
import java.util.Map;

/** A filter or form field of the billing view that cannot be read; nothing was done. */
class InvalidFleetInput extends DomainException {

    private final String field;

    InvalidFleetInput(String field, String message) {
        super(Kind.INVALID, "invalid-billing-input", message, Map.of(field, message));
        this.field = field;
    }

    String field() {
        return field;
    }
}
