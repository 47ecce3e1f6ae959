package app.tandem.mentoring.program;

import app.tandem.core.web.DomainException;
import java.util.Map;
import java.util.UUID;

/**
 * A program cannot be found, set up or moved on; the message says why and what to do. An invalid input names the
 * field it is about in {@link #fieldErrors()}, so that a form can show the message next to it.
 */
public class ProgramRefused extends DomainException {

    ProgramRefused(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    ProgramRefused(Kind kind, String code, String message, String field) {
        super(kind, code, message, Map.of(field, message));
    }

    public static ProgramRefused notFound(UUID id) {
        return new ProgramRefused(Kind.NOT_FOUND, "program-not-found", "This organization has no program " + id + ".");
    }

    public static ProgramRefused questionNotFound(UUID id) {
        return new ProgramRefused(
                Kind.NOT_FOUND, "question-not-found", "This program has no registration question " + id + ".");
    }

    public static ProgramRefused invalid(String message) {
        return new ProgramRefused(Kind.INVALID, "invalid-program", message);
    }

    /** Bad input in {@code field} (a form field's name, such as {@code maxGroupSize}). */
    public static ProgramRefused invalid(String field, String message) {
        return new ProgramRefused(Kind.INVALID, "invalid-program", message, field);
    }

    /** Bad input for a registration question, in {@code field}. */
    static ProgramRefused invalidQuestion(String field, String message) {
        return new ProgramRefused(Kind.INVALID, "invalid-question", message, field);
    }

    /** The program's status does not allow this; {@code message} says what the status allows. */
    public static ProgramRefused notNow(Program program, String message) {
        return new ProgramRefused(
                Kind.CONFLICT,
                "program-" + program.status().name().toLowerCase(),
                program.name() + " is " + program.status().name().toLowerCase() + ": " + message);
    }

    /** The program cannot move on yet; {@code message} says what to fix first. */
    static ProgramRefused notReady(Program program, String message) {
        return new ProgramRefused(Kind.CONFLICT, "program-not-ready", program.name() + " " + message);
    }
}
