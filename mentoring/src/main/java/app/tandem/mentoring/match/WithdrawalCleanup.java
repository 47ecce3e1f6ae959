package app.tandem.mentoring.match;

import app.tandem.mentoring.enrollment.EnrollmentWithdrawn;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When someone leaves a program, in the same transaction: their pending requests (sent or received) are cancelled and
 * their draft matches dropped. Active matches stay until a coordinator ends them.
 */
@Component
class WithdrawalCleanup {

    private final MentorshipRequestRepository requests;
    private final MatchRepository matches;
    private final Clock clock;

    WithdrawalCleanup(MentorshipRequestRepository requests, MatchRepository matches, Clock clock) {
        this.requests = requests;
        this.matches = matches;
        this.clock = clock;
    }

    @EventListener
    void on(EnrollmentWithdrawn withdrawn) {
        var now = clock.instant();
        requests.findPendingOf(withdrawn.enrollmentId()).forEach(request -> request.cancel(now));
        matches.deleteAll(matches.findByMenteeEnrollmentIdAndStatus(withdrawn.enrollmentId(), MatchStatus.DRAFT));
        matches.deleteAll(matches.findByMentorEnrollmentIdAndStatus(withdrawn.enrollmentId(), MatchStatus.DRAFT));
    }
}
