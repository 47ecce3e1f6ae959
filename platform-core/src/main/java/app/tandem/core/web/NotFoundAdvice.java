package app.tandem.core.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A path nothing is mapped to: under {@code /api/} a 404 problem detail, whatever the client accepts; anywhere else
 * the container's error page, so browsers get the site's own 404 page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class NotFoundAdvice {

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (request.getRequestURI().startsWith("/api/")) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(
                            HttpStatus.NOT_FOUND,
                            "not-found",
                            "Nothing is at " + request.getRequestURI() + " on this host."));
        }
        response.sendError(HttpStatus.NOT_FOUND.value());
        return null;
    }
}
