package app.tandem.core.tenant;

import app.tandem.core.web.DomainException;

/** A slug, host or other tenant field broke its rules; the message says which rule, in words a person can act on. */
public class InvalidTenantInput extends DomainException {

    private final String field;

    public InvalidTenantInput(String field, String message) {
        super(Kind.INVALID, "invalid-" + field, message);
        this.field = field;
    }

    /** The name of the field that was refused, such as {@code slug} or {@code host}. */
    public String field() {
        return field;
    }
}
