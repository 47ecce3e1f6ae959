package app.tandem.mentoring.match;

import app.tandem.core.context.TenantContext;
import app.tandem.identity.CurrentMember;
import app.tandem.mentoring.enrollment.Enrollment;
import app.tandem.mentoring.enrollment.EnrollmentRepository;
import app.tandem.mentoring.enrollment.EnrollmentStatus;
import app.tandem.mentoring.matching.Role;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in member's active matches, as one of the two people sees them: who the other is, and why. */
@Service
public class MyMatches {

    private final MatchRepository matches;
    private final EnrollmentRepository enrollments;
    private final Directory directory;
    private final CurrentMember currentMember;

    MyMatches(
            MatchRepository matches,
            EnrollmentRepository enrollments,
            Directory directory,
            CurrentMember currentMember) {
        this.matches = matches;
        this.enrollments = enrollments;
        this.directory = directory;
        this.currentMember = currentMember;
    }

    /**
     * One active match of mine.
     *
     * @param myRole whether I am the mentor or the mentee in it
     * @param otherMemberId the other person (their profile is at {@code /api/v1/members/{id}/profile}); null when
     *     they are no longer a member
     * @param reasons why the two were matched, in words
     */
    public record MyMatch(
            UUID matchId,
            UUID programId,
            String programName,
            Role myRole,
            UUID otherMemberId,
            String otherName,
            String otherEmail,
            double score,
            String reasons,
            Instant since) {}

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MEMBER')")
    public List<MyMatch> list() {
        TenantContext.require();
        var me = currentMember.require();
        var mine = enrollments.findByMemberIdAndStatusIn(me.id(), EnumSet.allOf(EnrollmentStatus.class)).stream()
                .map(Enrollment::id)
                .toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        var active = matches.findByMenteeEnrollmentIdInOrMentorEnrollmentIdIn(mine, mine).stream()
                .filter(match -> match.status() == MatchStatus.ACTIVE)
                .toList();
        if (active.isEmpty()) {
            return List.of();
        }
        var entries = directory.ofMatches(active);
        return active.stream()
                .map(match -> {
                    boolean mentoring = mine.contains(match.mentorEnrollmentId());
                    var other = mentoring ? match.menteeEnrollmentId() : match.mentorEnrollmentId();
                    var person = entries.member(other);
                    return new MyMatch(
                            match.id(),
                            match.programId(),
                            entries.programName(match.programId()),
                            mentoring ? Role.MENTOR : Role.MENTEE,
                            person == null ? null : person.id(),
                            entries.name(other),
                            person == null ? null : person.email(),
                            match.score(),
                            match.reasons(),
                            match.publishedAt());
                })
                .sorted(Comparator.comparing(MyMatch::since).reversed())
                .toList();
    }
}
