package app.tandem.mentoring.web;

import app.tandem.core.web.DomainException;
import app.tandem.core.web.Problems;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Problem details for refusals that name the wrong fields: the usual problem, plus an {@code errors} member mapping
 * each field (or question id) to what is wrong with it, so API clients can show each message at its field.
 */
public final class FieldProblems {

    private FieldProblems() {}

    public static ResponseEntity<ProblemDetail> of(DomainException refused, Map<String, String> fieldErrors) {
        var status = switch (refused.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        var problem = Problems.of(status, refused.code(), refused.getMessage());
        if (!fieldErrors.isEmpty()) {
            problem.setProperty("errors", fieldErrors);
        }
        return ResponseEntity.status(status).body(problem);
    }

    /** The HTTP status of a refusal of this kind, as the platform's problem details use it. */
    public static HttpStatus statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
