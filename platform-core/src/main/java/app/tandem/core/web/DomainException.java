package app.tandem.core.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Base of the domain's unchecked exceptions. The message is written for the person who caused it, and the web layer
 * maps the {@link Kind} to an HTTP status; {@link #code()} becomes the last segment of the problem type. Bad input may
 * name the wrong fields with {@link #fieldErrors()}: forms show each message at its field, and problem details carry
 * them under {@code errors}.
 */
public abstract class DomainException extends RuntimeException {

    /** What kind of failure this is, independent of HTTP. */
    public enum Kind {
        INVALID(HttpStatus.BAD_REQUEST),
        UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
        NOT_FOUND(HttpStatus.NOT_FOUND),
        CONFLICT(HttpStatus.CONFLICT),
        FORBIDDEN(HttpStatus.FORBIDDEN),
        UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

        private final HttpStatus status;

        Kind(HttpStatus status) {
            this.status = status;
        }

        /** The HTTP status that answers a failure of this kind. */
        public HttpStatus status() {
            return status;
        }
    }

    private final Kind kind;
    private final String code;
    private final Map<String, String> fieldErrors;

    protected DomainException(Kind kind, String code, String message) {
        this(kind, code, message, Map.of());
    }

    /** A failure about particular fields: each field's name (or a question's id) with what is wrong with it. */
    protected DomainException(Kind kind, String code, String message, Map<String, String> fieldErrors) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Kind kind() {
        return kind;
    }

    /** A stable, kebab-case name of the failure, such as {@code slug-taken}. */
    public String code() {
        return code;
    }

    /** The wrong fields and what is wrong with each; empty when the failure is about no particular field. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
