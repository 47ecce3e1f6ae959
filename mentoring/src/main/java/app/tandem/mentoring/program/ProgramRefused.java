package app.tandem.mentoring.program;

import app.tandem.core.web.DomainException;
import java.util.UUID;

/** A program cannot be found, set up or moved on; the message says why and what to do. */
public class ProgramRefused extends DomainException {

    ProgramRefused(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    public static ProgramRefused notFound(UUID id) {
        return new ProgramRefused(Kind.NOT_FOUND, "program-not-found", "This organization has no program " + id + ".");
    }

    public static ProgramRefused invalid(String message) {
        return new ProgramRefused(Kind.INVALID, "invalid-program", message);
    }

    /** The program's status does not allow this; {@code message} says what the status allows. */
    public static ProgramRefused notNow(Program program, String message) {
        return new ProgramRefused(
                Kind.CONFLICT,
                "program-" + program.status().name().toLowerCase(),
                program.name() + " is " + program.status().name().toLowerCase() + ": " + message);
    }
}
