package app.tandem.core.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds Tandem's problem details, whose types live under {@value #TYPE_BASE}. */
public final class Problems {

    public static final String TYPE_BASE = "https://tandem.app/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
