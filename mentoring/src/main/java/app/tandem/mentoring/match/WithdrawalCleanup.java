package app.tandem.mentoring.match;

import app.tandem.core.audit.AuditTrail;
import app.tandem.identity.CurrentMember;
import app.tandem.mentoring.enrollment.EnrollmentWithdrawn;
import java.time.Clock;
import java.util.ArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When someone leaves a program, in the same transaction: their pending requests (sent or received) are cancelled,
 * their draft matches dropped, and their active matches ended — the person they were matched with is told by email,
 * and the mentor's place is free again.
 */
@Component
class WithdrawalCleanup {

    private final MentorshipRequestRepository requests;
    private final MatchRepository matches;
    private final ProgramSnapshots snapshots;
    private final Matches matching;
    private final AuditTrail audit;
    private final CurrentMember currentMember;
    private final Clock clock;

    WithdrawalCleanup(
            MentorshipRequestRepository requests,
            MatchRepository matches,
            ProgramSnapshots snapshots,
            Matches matching,
            AuditTrail audit,
            CurrentMember currentMember,
            Clock clock) {
        this.requests = requests;
        this.matches = matches;
        this.snapshots = snapshots;
        this.matching = matching;
        this.audit = audit;
        this.currentMember = currentMember;
        this.clock = clock;
    }

    @EventListener
    void on(EnrollmentWithdrawn withdrawn) {
        var now = clock.instant();
        requests.findPendingOf(withdrawn.enrollmentId()).forEach(request -> request.cancel(now));
        matches.deleteAll(matches.findByMenteeEnrollmentIdAndStatus(withdrawn.enrollmentId(), MatchStatus.DRAFT));
        matches.deleteAll(matches.findByMentorEnrollmentIdAndStatus(withdrawn.enrollmentId(), MatchStatus.DRAFT));
        var active = new ArrayList<Match>();
        active.addAll(matches.findByMenteeEnrollmentIdAndStatus(withdrawn.enrollmentId(), MatchStatus.ACTIVE));
        active.addAll(matches.findByMentorEnrollmentIdAndStatus(withdrawn.enrollmentId(), MatchStatus.ACTIVE));
        if (active.isEmpty()) {
            return;
        }
        var s = snapshots.of(withdrawn.programId());
        var leaving = s.name(withdrawn.enrollmentId());
        for (var match : active) {
            match.end(now);
            matching.notifyEnded(s, match, leaving + " left the program");
            audit.record(
                    currentMember.asActor(),
                    "matching.match-ended",
                    s.program.name(),
                    s.name(match.mentorEnrollmentId()) + " ↔ " + s.name(match.menteeEnrollmentId()) + ": " + leaving
                            + " left the program");
        }
    }
}
