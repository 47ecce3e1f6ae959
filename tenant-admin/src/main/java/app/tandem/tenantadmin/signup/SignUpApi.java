package app.tandem.tenantadmin.signup;

import app.tandem.core.routing.OnApexHost;
import app.tandem.core.web.DomainException;
import app.tandem.core.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up over the API, on the platform site and without a token: submitting is rate limited per client and
 * idempotent (the same address with the same admin email gives the sign-up under way back, with 200 instead of 201),
 * and a sign-up's id is all it takes to follow its progress, which shows nothing about the admin.
 */
@RestController
@OnApexHost
@RequestMapping("/api/v1/signups")
class SignUpApi {

    private final SignUps signUps;
    private final MessageSource messages;

    SignUpApi(SignUps signUps, MessageSource messages) {
        this.signUps = signUps;
        this.messages = messages;
    }

    /** The sign-up's id was not issued here (or was mistyped). */
    static class SignUpNotFound extends DomainException {

        SignUpNotFound(UUID id) {
            super(Kind.NOT_FOUND, "signup-not-found", "There is no sign-up " + id + ".");
        }
    }

    @PostMapping
    ResponseEntity<SignUpProgress> submit(@RequestBody SignUpRequest body, HttpServletRequest request) {
        var submitted = signUps.submit(body, request.getRemoteAddr());
        var progress = signUps.progress(submitted.id()).orElseThrow(() -> new SignUpNotFound(submitted.id()));
        var location = "/api/v1/signups/" + submitted.id();
        var status = submitted.repeated() ? HttpStatus.OK : HttpStatus.CREATED;
        return ResponseEntity.status(status).header("Location", location).body(progress);
    }

    @GetMapping("/{id}")
    SignUpProgress progress(@PathVariable UUID id) {
        return signUps.progress(id).orElseThrow(() -> new SignUpNotFound(id));
    }

    /** A field error of a refused sign-up: the field, a stable code and the message the form would show. */
    record FieldError(String field, String code, String message) {}

    @ExceptionHandler(InvalidSignUp.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSignUp invalid, HttpServletRequest request) {
        var locale = request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
        var problem = Problems.of(HttpStatus.BAD_REQUEST, invalid.code(), invalid.getMessage());
        List<FieldError> errors = invalid.problems().stream()
                .map(it -> new FieldError(
                        it.field(),
                        it.code(),
                        messages.getMessage(it.messageKey(), it.args().toArray(), locale)))
                .toList();
        problem.setProperties(Map.of("errors", errors));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(SignUpLimitReached.class)
    ResponseEntity<ProblemDetail> limited(SignUpLimitReached limited) {
        var problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, limited.code(), limited.getMessage());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(
                        "Retry-After",
                        String.valueOf(Math.max(1, limited.retryAfter().toSeconds())))
                .body(problem);
    }
}
