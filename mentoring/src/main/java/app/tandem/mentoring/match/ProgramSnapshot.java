package app.tandem.mentoring.match;

import app.tandem.identity.member.MemberView;
import app.tandem.mentoring.enrollment.Enrollment;
import app.tandem.mentoring.matching.Exclusions;
import app.tandem.mentoring.matching.PairAssessment;
import app.tandem.mentoring.matching.Participant;
import app.tandem.mentoring.matching.PersonPair;
import app.tandem.mentoring.matching.QuestionPair;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.matching.Scoring;
import app.tandem.mentoring.program.Program;
import app.tandem.mentoring.program.ProgramKind;
import app.tandem.mentoring.program.RegistrationQuestion;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A program as matching needs it at one moment: its questions, who takes part, the matches, open requests and blocked
 * pairs, and the people's names. Read once per operation by {@link ProgramSnapshots}; the counts of places come from
 * here, the locks that make them hold from the services.
 */
final class ProgramSnapshot {

    final Program program;
    final Map<String, RegistrationQuestion> questions;
    final List<QuestionPair> questionPairs;
    final Map<UUID, Enrollment> enrollments;
    final List<Match> active;
    final List<Match> drafts;
    final List<Match> ended;
    final List<MentorshipRequest> openRequests;
    final List<BlockedPair> blocked;
    final Map<UUID, MemberView> members;
    final Instant now;

    ProgramSnapshot(
            Program program,
            List<RegistrationQuestion> questions,
            List<QuestionPair> questionPairs,
            List<Enrollment> enrollments,
            List<Match> matches,
            List<MentorshipRequest> pending,
            List<BlockedPair> blocked,
            Map<UUID, MemberView> members,
            Instant now) {
        this.program = program;
        this.questions = questions.stream().collect(Collectors.toMap(q -> q.id().toString(), Function.identity()));
        this.questionPairs = questionPairs;
        this.enrollments = enrollments.stream().collect(Collectors.toMap(Enrollment::id, Function.identity()));
        this.active =
                matches.stream().filter(m -> m.status() == MatchStatus.ACTIVE).toList();
        this.drafts = matches.stream()
                .filter(m -> m.status() == MatchStatus.DRAFT)
                .sorted(Comparator.comparing(Match::scorePoints).reversed())
                .toList();
        this.ended =
                matches.stream().filter(m -> m.status() == MatchStatus.ENDED).toList();
        this.openRequests = pending.stream().filter(r -> r.open(now)).toList();
        this.blocked = blocked;
        this.members = members;
        this.now = now;
    }

    /** How many mentees the mentor takes: their capacity, at most the group size in a group program. */
    static int places(Program program, Enrollment mentor) {
        int capacity = mentor.capacity() == null ? 0 : mentor.capacity();
        if (program.kind() == ProgramKind.GROUP && program.maxGroupSize() != null) {
            return Math.min(capacity, program.maxGroupSize());
        }
        return capacity;
    }

    int places(Enrollment mentor) {
        return places(program, mentor);
    }

    long activeOf(UUID mentorEnrollmentId) {
        return active.stream()
                .filter(m -> m.mentorEnrollmentId().equals(mentorEnrollmentId))
                .count();
    }

    long draftsOf(UUID mentorEnrollmentId) {
        return drafts.stream()
                .filter(m -> m.mentorEnrollmentId().equals(mentorEnrollmentId))
                .count();
    }

    long requestsTo(UUID mentorEnrollmentId) {
        return openRequests.stream()
                .filter(r -> r.mentorEnrollmentId().equals(mentorEnrollmentId))
                .count();
    }

    boolean matched(UUID menteeEnrollmentId) {
        return active.stream().anyMatch(m -> m.menteeEnrollmentId().equals(menteeEnrollmentId));
    }

    List<Enrollment> available(Role role) {
        return enrollments.values().stream()
                .filter(e -> e.role() == role && e.available())
                .sorted(Comparator.comparing(Enrollment::createdAt).thenComparing(Enrollment::id))
                .toList();
    }

    /** Available mentees without an active match, oldest enrollment first. */
    List<Enrollment> unmatchedMentees() {
        return available(Role.MENTEE).stream().filter(e -> !matched(e.id())).toList();
    }

    /** Past pairs (ended matches) and blocked pairs of the program. */
    Exclusions exclusions() {
        return exclusions(Set.of());
    }

    Exclusions exclusions(Set<PersonPair> alsoBlocked) {
        Set<PersonPair> past = new HashSet<>();
        for (Match match : ended) {
            var mentor = enrollments.get(match.mentorEnrollmentId());
            var mentee = enrollments.get(match.menteeEnrollmentId());
            if (mentor != null && mentee != null) {
                past.add(new PersonPair(
                        mentor.memberId().toString(), mentee.memberId().toString()));
            }
        }
        Set<PersonPair> blocks = new HashSet<>(alsoBlocked);
        for (BlockedPair pair : blocked) {
            blocks.add(new PersonPair(
                    pair.mentorMemberId().toString(), pair.menteeMemberId().toString()));
        }
        return new Exclusions(past, blocks);
    }

    Scoring scoring() {
        return new Scoring(questionPairs, exclusions());
    }

    Participant participant(Enrollment enrollment, int freePlaces) {
        return new Participant(
                enrollment.id().toString(),
                enrollment.memberId().toString(),
                enrollment.role(),
                enrollment.matchingAnswers(),
                Math.max(0, freePlaces));
    }

    /** The pair as scoring sees it now, with past and blocked pairs excluded. */
    PairAssessment assess(Enrollment mentor, Enrollment mentee) {
        return scoring().assess(participant(mentor, places(mentor)), participant(mentee, 0));
    }

    Enrollment enrollment(String id) {
        return enrollments.get(UUID.fromString(id));
    }

    String name(UUID enrollmentId) {
        var enrollment = enrollments.get(enrollmentId);
        return enrollment == null ? "someone who left" : nameOfMember(enrollment.memberId());
    }

    /** The member behind one of the program's enrollments (read with the snapshot, no query). */
    MemberView member(UUID enrollmentId) {
        return members.get(enrollments.get(enrollmentId).memberId());
    }

    String nameOfMember(UUID memberId) {
        var member = members.get(memberId);
        return member == null ? "a former member" : member.displayName();
    }
}
