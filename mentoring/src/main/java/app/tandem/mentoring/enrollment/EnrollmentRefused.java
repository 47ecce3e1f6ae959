package app.tandem.mentoring.enrollment;

import app.tandem.core.web.DomainException;
import app.tandem.mentoring.program.Program;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An enrollment cannot be made, found or changed; the message says why and what to do, and {@link #fieldErrors()}
 * which answers (by question id) or fields ({@code capacity}, {@code role}) are wrong.
 */
public class EnrollmentRefused extends DomainException {

    EnrollmentRefused(Kind kind, String code, String message) {
        this(kind, code, message, Map.of());
    }

    EnrollmentRefused(Kind kind, String code, String message, Map<String, String> fieldErrors) {
        super(kind, code, message, fieldErrors);
    }

    static EnrollmentRefused invalid(LinkedHashMap<String, String> fieldErrors) {
        return new EnrollmentRefused(
                Kind.INVALID, "invalid-enrollment", String.join(" ", fieldErrors.values()), fieldErrors);
    }

    static EnrollmentRefused invalid(String field, String message) {
        var errors = new LinkedHashMap<String, String>();
        errors.put(field, message);
        return invalid(errors);
    }

    public static EnrollmentRefused notFound(UUID id) {
        return new EnrollmentRefused(
                Kind.NOT_FOUND, "enrollment-not-found", "You have no enrollment " + id + " in this organization.");
    }

    static EnrollmentRefused alreadyEnrolled(Program program, String role) {
        return new EnrollmentRefused(
                Kind.CONFLICT,
                "already-enrolled",
                "You take part in " + program.name() + " as a " + role + " already; change your answers there.");
    }

    static EnrollmentRefused notOpen(Program program) {
        return new EnrollmentRefused(
                Kind.CONFLICT,
                "program-not-open",
                program.name() + " is " + program.status().name().toLowerCase()
                        + ": members enroll and change their enrollment only while it is enrolling or running.");
    }

    static EnrollmentRefused closed(Program program) {
        return new EnrollmentRefused(
                Kind.CONFLICT,
                "program-closed",
                program.name() + " is closed: its enrollments can be read, no longer changed.");
    }

    static EnrollmentRefused notNow(String message) {
        return new EnrollmentRefused(Kind.CONFLICT, "enrollment-state", message);
    }

    static EnrollmentRefused notYours(String what) {
        return new EnrollmentRefused(
                Kind.FORBIDDEN, "not-your-enrollment", "Only the member who enrolled can " + what + ".");
    }
}
