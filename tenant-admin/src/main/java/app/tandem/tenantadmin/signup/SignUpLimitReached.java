package app.tandem.tenantadmin.signup;

import app.tandem.core.web.DomainException;
import java.time.Duration;

/** The client has signed up as many organizations as the limit allows for now; it may try again after a while. */
public class SignUpLimitReached extends DomainException {

    private final Duration retryAfter;

    SignUpLimitReached(int limit, Duration window, Duration retryAfter) {
        super(
                Kind.CONFLICT,
                "signup-limit-reached",
                "At most " + limit + " organizations can be signed up from one place within " + window.toMinutes()
                        + " minutes. Please try again in " + Math.max(1, retryAfter.toMinutes()) + " minutes.");
        this.retryAfter = retryAfter;
    }

    /** How long until the client may sign up again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
