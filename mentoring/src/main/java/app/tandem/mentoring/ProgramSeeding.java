package app.tandem.mentoring;

import app.tandem.core.context.TenantContext;
import app.tandem.mentoring.enrollment.Enrollment;
import app.tandem.mentoring.enrollment.EnrollmentRepository;
import app.tandem.mentoring.enrollment.EnrollmentStarted;
import app.tandem.mentoring.matching.Answer;
import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.Program;
import app.tandem.mentoring.program.ProgramOpened;
import app.tandem.mentoring.program.ProgramRepository;
import app.tandem.mentoring.program.ProgramSettings;
import app.tandem.mentoring.program.ProgramStatus;
import app.tandem.mentoring.program.QuestionDefinition;
import app.tandem.mentoring.program.RegistrationQuestion;
import app.tandem.mentoring.program.RegistrationQuestionRepository;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds a program open for enrollment, its registration form and its first participants, with nobody signed in:
 * for demo data and imports. What it writes is what coordinators and members would have written through the pages,
 * and it counts the same: the program opens through the seat allowance and publishes {@link ProgramOpened}, each
 * enrollment takes its seat and publishes {@link EnrollmentStarted}. Answers are taken as given (the seeder is
 * trusted). Runs in the caller's tenant scope and transaction.
 */
@Service
public class ProgramSeeding {

    private final ProgramRepository programs;
    private final RegistrationQuestionRepository questions;
    private final EnrollmentRepository enrollments;
    private final SeatAllowance seats;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProgramSeeding(
            ProgramRepository programs,
            RegistrationQuestionRepository questions,
            EnrollmentRepository enrollments,
            ObjectProvider<SeatAllowance> seats,
            ApplicationEventPublisher events,
            Clock clock) {
        this.programs = programs;
        this.questions = questions;
        this.enrollments = enrollments;
        this.seats = seats.getIfAvailable(() -> SeatAllowance.UNMETERED);
        this.events = events;
        this.clock = clock;
    }

    /** Whether the organization in scope has no program yet, so that seeding it changes nothing it already has. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public boolean noProgramYet() {
        TenantContext.require();
        return programs.count() == 0;
    }

    /** A new program with these settings, open for enrollment from now on. */
    @Transactional(propagation = Propagation.MANDATORY)
    public SeededProgram open(ProgramSettings settings, String createdBy) {
        var tenant = TenantContext.require();
        var now = clock.instant();
        var program = programs.save(new Program(settings, createdBy, now));
        seats.open(
                program.id(),
                () -> programs.countByStatusIn(EnumSet.of(ProgramStatus.ENROLLING, ProgramStatus.RUNNING)));
        program.moveTo(ProgramStatus.ENROLLING, now);
        events.publishEvent(new ProgramOpened(tenant, program.id(), program.name(), now));
        return new SeededProgram(program.id());
    }

    /** A program being seeded: its form grows question by question, then members enroll. */
    public final class SeededProgram {

        private final UUID id;
        private int position;

        private SeededProgram(UUID id) {
            this.id = id;
        }

        public UUID id() {
            return id;
        }

        /** Adds a question for mentors or mentees at the end of the form; text questions are optional. */
        public UUID ask(Role role, QuestionKind kind, String label, List<String> options) {
            return questions
                    .save(new RegistrationQuestion(
                            id,
                            position++,
                            new QuestionDefinition(
                                    role, kind, label, "", options, kind != QuestionKind.TEXT, null, null)))
                    .id();
        }

        /** Pairs a mentor question with a mentee question: matching compares their answers with this importance. */
        public void pair(UUID mentorQuestion, UUID menteeQuestion, Importance importance, Double range) {
            var mentor = questions.findById(mentorQuestion).orElseThrow();
            var mentee = questions.findById(menteeQuestion).orElseThrow();
            for (var question : List.of(mentor, mentee)) {
                var definition = question.definition();
                question.apply(new QuestionDefinition(
                        definition.role(),
                        definition.kind(),
                        definition.label(),
                        definition.help(),
                        definition.options(),
                        definition.required(),
                        importance,
                        range));
            }
            mentor.pairWith(mentee.id());
            mentee.pairWith(mentor.id());
        }

        /** Enrolls the member with these answers; the organization's plan must allow the seat. */
        public void enroll(UUID memberId, Role role, Integer capacity, Map<UUID, Answer> answers) {
            var enrollment = enrollments.save(new Enrollment(id, memberId, role, capacity, answers, clock.instant()));
            seats.take(new SeatAllowance.Seat(enrollment.id(), id, memberId, role));
            events.publishEvent(new EnrollmentStarted(
                    TenantContext.require(), enrollment.id(), id, memberId, role, enrollment.createdAt()));
        }
    }
}
