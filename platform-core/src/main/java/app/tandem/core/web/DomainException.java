package app.tandem.core.web;

/**
 * Base of the domain's unchecked exceptions. The message is written for the person who caused it, and the web layer
 * maps the {@link Kind} to an HTTP status; {@link #code()} becomes the last segment of the problem type.
 */
public abstract class DomainException extends RuntimeException {

    /** What kind of failure this is, independent of HTTP. */
    public enum Kind {
        INVALID,
        UNAUTHENTICATED,
        NOT_FOUND,
        CONFLICT,
        FORBIDDEN,
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;

    protected DomainException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** A stable, kebab-case name of the failure, such as {@code slug-taken}. */
    public String code() {
        return code;
    }
}
