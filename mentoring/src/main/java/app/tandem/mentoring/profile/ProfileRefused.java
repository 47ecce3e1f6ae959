package app.tandem.mentoring.profile;

import app.tandem.core.web.DomainException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A profile cannot be read or changed; the message says why, and {@link #fieldErrors()} which field is wrong. */
public class ProfileRefused extends DomainException {

    ProfileRefused(Kind kind, String code, String message, Map<String, String> fieldErrors) {
        super(kind, code, message, fieldErrors);
    }

    /** Each wrong field with what is wrong with it; the message lists them all. */
    static ProfileRefused invalid(LinkedHashMap<String, String> fieldErrors) {
        return new ProfileRefused(Kind.INVALID, "invalid-profile", String.join(" ", fieldErrors.values()), fieldErrors);
    }
}
