package app.tandem.mentoring.program;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A program's settings as the settings form sends them: text, so that a wrong entry comes back with a message next
 * to its field instead of a bare 400.
 */
record ProgramForm(
        String name,
        String description,
        String kind,
        String maxGroupSize,
        String startsOn,
        String endsOn,
        String matchingMode,
        String defaultMentorCapacity,
        String pendingRequestCap,
        String requestExpiryDays) {

    /** What a new program's form starts with. */
    static ProgramForm blank() {
        return new ProgramForm(
                "",
                "",
                ProgramKind.ONE_TO_ONE.name(),
                "",
                "",
                "",
                MatchingMode.BOTH.name(),
                "1",
                Integer.toString(ProgramSettings.DEFAULT_PENDING_REQUEST_CAP),
                Integer.toString(ProgramSettings.DEFAULT_REQUEST_EXPIRY_DAYS));
    }

    static ProgramForm of(Program program) {
        return new ProgramForm(
                program.name(),
                program.description(),
                program.kind().name(),
                program.maxGroupSize() == null ? "" : program.maxGroupSize().toString(),
                program.startsOn() == null ? "" : program.startsOn().toString(),
                program.endsOn() == null ? "" : program.endsOn().toString(),
                program.matchingMode().name(),
                Integer.toString(program.defaultMentorCapacity()),
                Integer.toString(program.pendingRequestCap()),
                Integer.toString(program.requestExpiryDays()));
    }

    /** The settings the form describes, or the first entry that is not a value at all (a word for a number). */
    ProgramSettings settings() {
        var programKind = choice(ProgramKind.class, kind, "kind", "Choose the kind of program.");
        return new ProgramSettings(
                name,
                description,
                programKind,
                programKind == ProgramKind.GROUP
                        ? number(maxGroupSize, "maxGroupSize", "The maximum group size")
                        : null,
                date(startsOn, "startsOn"),
                date(endsOn, "endsOn"),
                choice(MatchingMode.class, matchingMode, "matchingMode", "Choose who makes matches."),
                required(
                        number(defaultMentorCapacity, "defaultMentorCapacity", "A mentor's default capacity"),
                        "defaultMentorCapacity",
                        "Give a mentor's default capacity."),
                required(
                        number(pendingRequestCap, "pendingRequestCap", "The pending-request cap"),
                        "pendingRequestCap",
                        "Give how many pending requests a mentee may have."),
                required(
                        number(requestExpiryDays, "requestExpiryDays", "The request expiry"),
                        "requestExpiryDays",
                        "Give after how many days a request expires."));
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value, String field, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProgramRefused.invalid(field, message);
        }
    }

    static Integer number(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProgramRefused.invalid(field, what + " is a whole number, not '" + value.strip() + "'.");
        }
    }

    private static int required(Integer value, String field, String message) {
        if (value == null) {
            throw ProgramRefused.invalid(field, message);
        }
        return value;
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProgramRefused.invalid(field, "'" + value.strip() + "' is not a date like 2027-01-31.");
        }
    }
}
