package app.tandem.mentoring.match;

import app.tandem.core.context.TenantContext;
import app.tandem.identity.CurrentMember;
import app.tandem.mentoring.enrollment.Enrollment;
import app.tandem.mentoring.enrollment.EnrollmentRepository;
import app.tandem.mentoring.matching.PersonPair;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.matching.Scoring;
import app.tandem.mentoring.matching.Suggestions;
import app.tandem.mentoring.program.Program;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mentors suggested to the signed-in mentee: the best-scoring mentors with free places, each with the score and
 * its reasons in words. Computed for all the program's available, unmatched mentees at once, so that no mentor is
 * featured to more mentees than their free places (places − active matches − open requests received); mentors the
 * mentee already asked are left out.
 */
@Service
public class MentorSuggestions {

    public static final int DEFAULT_LIMIT = 5;

    private final ProgramSnapshots snapshots;
    private final EnrollmentRepository enrollments;
    private final CurrentMember currentMember;

    MentorSuggestions(ProgramSnapshots snapshots, EnrollmentRepository enrollments, CurrentMember currentMember) {
        this.snapshots = snapshots;
        this.enrollments = enrollments;
        this.currentMember = currentMember;
    }

    /**
     * The mentee's suggestions; {@code notice} says why the list is empty when there is a reason other than "nobody
     * fits" (matched already, paused).
     */
    public record ForMentee(
            Program program,
            Enrollment mentee,
            List<Matches.Fit> suggestions,
            List<MentorshipRequests.RequestDetails> open,
            int openRequests,
            String notice) {}

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MEMBER')")
    public ForMentee forMe(UUID programId, int limit) {
        TenantContext.require();
        var me = currentMember.require();
        var s = snapshots.of(programId);
        if (!s.program.matchingMode().allowsRequests()) {
            throw MatchRefused.requestsNotUsed(s.program.name());
        }
        var mentee = enrollments
                .findTakingPart(programId, me.id(), Role.MENTEE)
                .orElseThrow(() -> MatchRefused.notEnrolledAsMentee(s.program.name()));
        var open = s.openRequests.stream()
                .filter(r -> r.menteeEnrollmentId().equals(mentee.id()))
                .map(r -> new MentorshipRequests.RequestDetails(
                        r, s.program.name(), s.name(r.mentorEnrollmentId()), s.name(mentee.id()), r.state(s.now)))
                .toList();
        if (s.matched(mentee.id())) {
            return new ForMentee(
                    s.program, mentee, List.of(), open, open.size(), "You have a mentor in this program already.");
        }
        if (!mentee.available()) {
            return new ForMentee(
                    s.program,
                    mentee,
                    List.of(),
                    open,
                    open.size(),
                    "Your enrollment is paused: resume it to get suggestions.");
        }
        if (!s.program.status().open()) {
            return new ForMentee(
                    s.program,
                    mentee,
                    List.of(),
                    open,
                    open.size(),
                    s.program.name() + " is not open for matching now.");
        }
        // Each mentee's open requests exclude those mentors from their own suggestions only.
        var requested = new HashSet<PersonPair>();
        for (var request : s.openRequests) {
            var mentor = s.enrollments.get(request.mentorEnrollmentId());
            var asker = s.enrollments.get(request.menteeEnrollmentId());
            requested.add(new PersonPair(
                    mentor.memberId().toString(), asker.memberId().toString()));
        }
        var scoring = new Scoring(s.questionPairs, s.exclusions(requested));
        var mentors = s.available(Role.MENTOR).stream()
                .map(m -> s.participant(m, (int) (s.places(m) - s.activeOf(m.id()) - s.requestsTo(m.id()))))
                .toList();
        var mentees =
                s.unmatchedMentees().stream().map(e -> s.participant(e, 0)).toList();
        var featured = new Suggestions(scoring, mentors)
                .forMentees(mentees, Math.max(1, Math.min(limit, 50)))
                .getOrDefault(mentee.id().toString(), List.of());
        var fits = featured.stream()
                .map(pair -> Matches.fit(s, pair, Explanations.Voice.MENTEE))
                .toList();
        return new ForMentee(s.program, mentee, fits, open, open.size(), null);
    }
}
