package app.tandem.mentoring.profile;

import app.tandem.core.web.DomainException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A profile cannot be read or changed; the message says why, and {@link #fieldErrors()} which field is wrong. */
public class ProfileRefused extends DomainException {

    private final Map<String, String> fieldErrors;

    ProfileRefused(Kind kind, String code, String message, Map<String, String> fieldErrors) {
        super(kind, code, message);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** Each wrong field with what is wrong with it; the message lists them all. */
    static ProfileRefused invalid(LinkedHashMap<String, String> fieldErrors) {
        return new ProfileRefused(Kind.INVALID, "invalid-profile", String.join(" ", fieldErrors.values()), fieldErrors);
    }

    /** The field names (as in the API and the form) with what is wrong with each. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
