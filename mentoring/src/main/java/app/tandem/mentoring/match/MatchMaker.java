package app.tandem.mentoring.match;

import app.tandem.core.context.TenantContext;
import app.tandem.mentoring.enrollment.Enrollment;
import app.tandem.mentoring.enrollment.EnrollmentRepository;
import app.tandem.mentoring.matching.PairAssessment;
import app.tandem.mentoring.matching.Role;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Makes a mentor/mentee pair an active match, or says why it cannot be, for every way a match comes about (an
 * accepted request, a manual match, a published draft). The caller holds the lock on the mentor's enrollment (taken
 * with {@link #lock}) before it reads the program, so that the places counted here are still free at commit: two
 * accepts for a mentor's last place take turns, and the second finds it taken.
 */
@Component
class MatchMaker {

    private final EnrollmentRepository enrollments;
    private final MatchRepository matches;
    private final MentorshipRequestRepository requests;
    private final MatchMails mails;
    private final ApplicationEventPublisher events;
    private final Map<MatchOrigin, Counter> made = new EnumMap<>(MatchOrigin.class);

    MatchMaker(
            EnrollmentRepository enrollments,
            MatchRepository matches,
            MentorshipRequestRepository requests,
            MatchMails mails,
            ApplicationEventPublisher events,
            MeterRegistry meters) {
        this.enrollments = enrollments;
        this.matches = matches;
        this.requests = requests;
        this.mails = mails;
        this.events = events;
        for (var origin : MatchOrigin.values()) {
            made.put(
                    origin,
                    Counter.builder("tandem.matches.made")
                            .description("Matches that became active, by how they came about")
                            .tag("origin", origin.name().toLowerCase())
                            .register(meters));
        }
    }

    /**
     * A match became active: it is counted (the meter has no tenant tag: one series per origin for the fleet) and
     * {@link MatchActivated} is published in the transaction.
     */
    void made(Match match, MatchOrigin origin) {
        made.get(origin).increment();
        events.publishEvent(new MatchActivated(
                TenantContext.require(),
                match.id(),
                match.programId(),
                match.mentorEnrollmentId(),
                match.menteeEnrollmentId(),
                origin,
                match.publishedAt() == null ? match.createdAt() : match.publishedAt()));
    }

    /** An active match ended: {@link MatchEnded} is published in the transaction. */
    void ended(Match match, String why, Instant now) {
        events.publishEvent(new MatchEnded(
                TenantContext.require(),
                match.id(),
                match.programId(),
                match.mentorEnrollmentId(),
                match.menteeEnrollmentId(),
                why,
                now));
    }

    /**
     * Locks an enrollment of the program until the end of the transaction. Mentors' enrollments are always locked
     * before mentees', so that two operations never wait for each other.
     */
    Enrollment lock(UUID enrollmentId, UUID programId) {
        var enrollment = enrollments
                .findForUpdate(enrollmentId)
                .orElseThrow(() -> MatchRefused.enrollmentNotFound(enrollmentId));
        if (programId != null && !enrollment.programId().equals(programId)) {
            throw MatchRefused.enrollmentNotFound(enrollmentId);
        }
        return enrollment;
    }

    /** Why the pair cannot become an active match now, or null when it can. */
    MatchRefused refusal(ProgramSnapshot snapshot, Enrollment mentor, Enrollment mentee) {
        if (mentor.role() != Role.MENTOR) {
            return MatchRefused.wrongRole(snapshot.name(mentor.id()) + " takes part as a mentee, not as a mentor.");
        }
        if (mentee.role() != Role.MENTEE) {
            return MatchRefused.wrongRole(snapshot.name(mentee.id()) + " takes part as a mentor, not as a mentee.");
        }
        if (!snapshot.program.status().open()) {
            return MatchRefused.programNotOpen(
                    snapshot.program.name(), snapshot.program.status().name().toLowerCase());
        }
        if (!mentor.available()) {
            return MatchRefused.notAvailable(
                    snapshot.name(mentor.id()), mentor.status().name().toLowerCase());
        }
        if (!mentee.available()) {
            return MatchRefused.notAvailable(
                    snapshot.name(mentee.id()), mentee.status().name().toLowerCase());
        }
        if (!matches.findByMenteeEnrollmentIdAndStatus(mentee.id(), MatchStatus.ACTIVE)
                .isEmpty()) {
            return MatchRefused.alreadyMatched(snapshot.name(mentee.id()));
        }
        var assessment = snapshot.assess(mentor, mentee);
        if (!assessment.allowed()) {
            return MatchRefused.pairNotAllowed(Explanations.filtered(assessment.filteredOut(), snapshot.questions));
        }
        if (matches.countByMentorEnrollmentIdAndStatus(mentor.id(), MatchStatus.ACTIVE) >= snapshot.places(mentor)) {
            return MatchRefused.noFreePlace(snapshot.name(mentor.id()));
        }
        return null;
    }

    /** A new active match of the pair; throws when {@link #refusal} has a reason. */
    Match activate(
            ProgramSnapshot snapshot,
            Enrollment mentor,
            Enrollment mentee,
            MatchOrigin origin,
            UUID requestId,
            String createdBy) {
        var refusal = refusal(snapshot, mentor, mentee);
        if (refusal != null) {
            throw refusal;
        }
        PairAssessment assessment = snapshot.assess(mentor, mentee);
        var match = matches.saveAndFlush(Match.active(
                snapshot.program.id(),
                mentor.id(),
                mentee.id(),
                origin,
                requestId,
                assessment.points(),
                Explanations.summary(assessment, snapshot.questions),
                createdBy,
                snapshot.now));
        made(match, origin);
        return match;
    }

    /**
     * The mentee has a mentor now: their other pending requests in the program are cancelled, and each mentor who was
     * still to answer one is told there is nothing left to do.
     */
    void closeOtherRequests(ProgramSnapshot snapshot, UUID menteeEnrollmentId) {
        var open = requests.findByMenteeEnrollmentIdAndStatus(menteeEnrollmentId, RequestStatus.PENDING);
        if (open.isEmpty()) {
            return;
        }
        for (var request : open) {
            if (request.open(snapshot.now)) {
                mails.requestClosed(
                        snapshot.program.name(),
                        snapshot.member(request.mentorEnrollmentId()),
                        snapshot.member(menteeEnrollmentId));
            }
            request.cancel(snapshot.now);
        }
    }
}
