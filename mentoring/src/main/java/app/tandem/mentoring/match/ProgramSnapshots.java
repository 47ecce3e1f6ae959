package app.tandem.mentoring.match;

import app.tandem.identity.member.Members;
import app.tandem.mentoring.enrollment.EnrollmentRepository;
import app.tandem.mentoring.program.MatchingQuestions;
import app.tandem.mentoring.program.Program;
import app.tandem.mentoring.program.ProgramRefused;
import app.tandem.mentoring.program.ProgramRepository;
import app.tandem.mentoring.program.RegistrationQuestionRepository;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reads a {@link ProgramSnapshot} in the caller's transaction. */
@Component
class ProgramSnapshots {

    private final ProgramRepository programs;
    private final RegistrationQuestionRepository questions;
    private final EnrollmentRepository enrollments;
    private final MatchRepository matches;
    private final MentorshipRequestRepository requests;
    private final BlockedPairRepository blocked;
    private final Members members;
    private final Clock clock;

    ProgramSnapshots(
            ProgramRepository programs,
            RegistrationQuestionRepository questions,
            EnrollmentRepository enrollments,
            MatchRepository matches,
            MentorshipRequestRepository requests,
            BlockedPairRepository blocked,
            Members members,
            Clock clock) {
        this.programs = programs;
        this.questions = questions;
        this.enrollments = enrollments;
        this.matches = matches;
        this.requests = requests;
        this.blocked = blocked;
        this.members = members;
        this.clock = clock;
    }

    Program program(UUID programId) {
        return programs.findById(programId).orElseThrow(() -> ProgramRefused.notFound(programId));
    }

    /** The program locked until the end of the transaction: runs and publishes of one program take turns. */
    Program programForUpdate(UUID programId) {
        return programs.findForUpdate(programId).orElseThrow(() -> ProgramRefused.notFound(programId));
    }

    ProgramSnapshot of(UUID programId) {
        return of(program(programId));
    }

    ProgramSnapshot of(Program program) {
        var programQuestions = questions.findByProgramIdOrderByPositionAsc(program.id());
        var people = enrollments.findByProgramIdOrderByCreatedAtAsc(program.id());
        var pairs = blocked.findByProgramIdOrderByBlockedAtDesc(program.id());
        var memberIds = new HashSet<UUID>();
        people.forEach(e -> memberIds.add(e.memberId()));
        pairs.forEach(p -> {
            memberIds.add(p.mentorMemberId());
            memberIds.add(p.menteeMemberId());
        });
        return new ProgramSnapshot(
                program,
                programQuestions,
                MatchingQuestions.of(programQuestions),
                people,
                matches.findByProgramIdAndStatusIn(program.id(), List.of(MatchStatus.values())),
                requests.findByProgramIdAndStatus(program.id(), RequestStatus.PENDING),
                pairs,
                members.byIds(memberIds),
                clock.instant());
    }
}
