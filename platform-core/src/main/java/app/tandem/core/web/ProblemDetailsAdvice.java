package app.tandem.core.web;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns what REST controllers throw into RFC 9457 problem details: {@link DomainException}s by their kind, and
 * Spring MVC's own exceptions (bad parameters, unsupported methods, unreadable bodies) as Spring describes them.
 * Pages keep Spring Boot's error pages.
 */
@RestControllerAdvice(annotations = RestController.class)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domainException(DomainException exception) {
        var status = exception.kind().status();
        var problem = Problems.of(status, exception.code(), exception.getMessage());
        if (!exception.fieldErrors().isEmpty()) {
            problem.setProperty("errors", exception.fieldErrors());
        }
        return ResponseEntity.status(status).body(problem);
    }
}
