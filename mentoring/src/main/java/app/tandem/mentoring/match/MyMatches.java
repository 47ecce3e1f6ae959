package app.tandem.mentoring.match;

import app.tandem.core.context.TenantContext;
import app.tandem.identity.CurrentMember;
import app.tandem.identity.member.Members;
import app.tandem.mentoring.enrollment.Enrollment;
import app.tandem.mentoring.enrollment.EnrollmentRepository;
import app.tandem.mentoring.enrollment.EnrollmentStatus;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.Program;
import app.tandem.mentoring.program.ProgramRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in member's active matches, as one of the two people sees them: who the other is, and why. */
@Service
public class MyMatches {

    private final MatchRepository matches;
    private final EnrollmentRepository enrollments;
    private final ProgramRepository programs;
    private final Members members;
    private final CurrentMember currentMember;

    MyMatches(
            MatchRepository matches,
            EnrollmentRepository enrollments,
            ProgramRepository programs,
            Members members,
            CurrentMember currentMember) {
        this.matches = matches;
        this.enrollments = enrollments;
        this.programs = programs;
        this.members = members;
        this.currentMember = currentMember;
    }

    /**
     * One active match of mine.
     *
     * @param myRole whether I am the mentor or the mentee in it
     * @param otherMemberId the other person (their profile is at {@code /api/v1/members/{id}/profile})
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
        Map<UUID, Enrollment> people = enrollments
                .findAllById(active.stream()
                        .flatMap(match -> Stream.of(match.mentorEnrollmentId(), match.menteeEnrollmentId()))
                        .collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(Enrollment::id, Function.identity()));
        var names =
                members.byIds(people.values().stream().map(Enrollment::memberId).toList());
        Map<UUID, Program> programsById =
                programs.findAllById(active.stream().map(Match::programId).collect(Collectors.toSet())).stream()
                        .collect(Collectors.toMap(Program::id, Function.identity()));
        return active.stream()
                .map(match -> {
                    boolean mentoring = mine.contains(match.mentorEnrollmentId());
                    var other = people.get(mentoring ? match.menteeEnrollmentId() : match.mentorEnrollmentId());
                    var person = names.get(other.memberId());
                    return new MyMatch(
                            match.id(),
                            match.programId(),
                            programsById.get(match.programId()).name(),
                            mentoring ? Role.MENTOR : Role.MENTEE,
                            other.memberId(),
                            person == null ? "a former member" : person.displayName(),
                            person == null ? null : person.email(),
                            match.score(),
                            match.reasons(),
                            match.publishedAt());
                })
                .sorted(Comparator.comparing(MyMatch::since).reversed())
                .toList();
    }
}
