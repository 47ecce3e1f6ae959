package app.tandem.mentoring.enrollment;

import app.tandem.core.audit.Actor;
import app.tandem.core.audit.AuditTrail;
import app.tandem.core.context.TenantContext;
import app.tandem.identity.CurrentMember;
import app.tandem.identity.OrgRole;
import app.tandem.identity.SignedInMember;
import app.tandem.identity.member.Members;
import app.tandem.mentoring.SeatAllowance;
import app.tandem.mentoring.matching.Answer;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.Program;
import app.tandem.mentoring.program.ProgramRefused;
import app.tandem.mentoring.program.ProgramRepository;
import app.tandem.mentoring.program.ProgramStatus;
import app.tandem.mentoring.program.RegistrationQuestion;
import app.tandem.mentoring.program.RegistrationQuestionRepository;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who takes part in the programs of the organization in scope. Members enroll themselves as mentor or mentee while a
 * program is open (ENROLLING or RUNNING), change their answers and (mentors) their capacity, pause, resume and
 * withdraw. Coordinators list a program's participants and may pause, resume or withdraw anyone's enrollment.
 *
 * <p>A member sees only their own enrollments: another member's enrollment id is unknown to them (404), as is any id
 * of another organization. A coordinator sees every enrollment but changes answers and capacity only of their own
 * (403). Nothing of a CLOSED program changes any more.
 */
@Service
public class Enrollments {

    private static final EnumSet<ProgramStatus> OPEN = EnumSet.of(ProgramStatus.ENROLLING, ProgramStatus.RUNNING);

    private final EnrollmentRepository enrollments;
    private final ProgramRepository programs;
    private final RegistrationQuestionRepository questions;
    private final Members members;
    private final CurrentMember currentMember;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final SeatAllowance seats;
    private final Clock clock;

    Enrollments(
            EnrollmentRepository enrollments,
            ProgramRepository programs,
            RegistrationQuestionRepository questions,
            Members members,
            CurrentMember currentMember,
            AuditTrail audit,
            ApplicationEventPublisher events,
            ObjectProvider<SeatAllowance> seats,
            Clock clock) {
        this.enrollments = enrollments;
        this.programs = programs;
        this.questions = questions;
        this.members = members;
        this.currentMember = currentMember;
        this.audit = audit;
        this.events = events;
        this.seats = seats.getIfAvailable(() -> SeatAllowance.UNMETERED);
        this.clock = clock;
    }

    /**
     * What a member sends to enroll: the role, the answers by question id and, for a mentor, a capacity (null: the
     * program's default).
     */
    public record Enroll(Role role, Integer capacity, Map<UUID, Answer> answers) {}

    /** The programs members may enroll in now (ENROLLING or RUNNING), soonest start first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Program> openPrograms() {
        TenantContext.require();
        return programs.findByStatusInOrderByStartsOnAscNameAsc(OPEN);
    }

    /**
     * A program as the signed-in member may see it: an open one, or one they have an enrollment in; coordinators see
     * every program. Otherwise {@code program-not-found}, as for an unknown id.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Program program(UUID programId) {
        var me = currentMember.require();
        var program = programs.findById(programId).orElseThrow(() -> ProgramRefused.notFound(programId));
        if (program.status().open()
                || me.has(OrgRole.COORDINATOR)
                || !enrollments.findByProgramIdAndMemberId(programId, me.id()).isEmpty()) {
            return program;
        }
        throw ProgramRefused.notFound(programId);
    }

    /** The program's questions for a role, in the order of its form. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<RegistrationQuestion> questions(UUID programId, Role role) {
        program(programId);
        return questions.findByProgramIdOrderByPositionAsc(programId).stream()
                .filter(question -> question.role() == role)
                .toList();
    }

    /** The signed-in member's enrollments in every program, withdrawn ones included, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Enrollment> mine() {
        var me = currentMember.require();
        return enrollments.findByMemberIdAndStatusIn(me.id(), EnumSet.allOf(EnrollmentStatus.class)).stream()
                .sorted(Comparator.comparing(Enrollment::createdAt).reversed())
                .toList();
    }

    /** The signed-in member's enrollments with their programs, withdrawn ones included, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<MyEnrollment> mineWithPrograms() {
        var mine = mine();
        var byId = programs
                .findAllById(mine.stream().map(Enrollment::programId).distinct().toList())
                .stream()
                .collect(Collectors.toMap(Program::id, program -> program));
        return mine.stream()
                .filter(enrollment -> byId.containsKey(enrollment.programId()))
                .map(enrollment -> new MyEnrollment(enrollment, byId.get(enrollment.programId())))
                .toList();
    }

    /** The signed-in member's enrollments in one program, withdrawn ones included, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Enrollment> mineIn(UUID programId) {
        var me = currentMember.require();
        return enrollments.findByProgramIdAndMemberId(programId, me.id()).stream()
                .sorted(Comparator.comparing(Enrollment::createdAt).reversed())
                .toList();
    }

    /** An enrollment: the signed-in member's own, or anyone's for a coordinator. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Enrollment get(UUID id) {
        var me = currentMember.require();
        return visible(enrollments.findById(id).orElse(null), id, me);
    }

    /**
     * Enrolls the signed-in member; the answers and capacity are checked before anything is written, and the
     * organization's plan must allow one more seat (taken in the same transaction).
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Enrollment enroll(UUID programId, Enroll enroll) {
        var me = currentMember.require();
        // Locked (before the seat), so that the program cannot close between this check and the seat being taken.
        var program = programs.findForUpdate(programId).orElseThrow(() -> ProgramRefused.notFound(programId));
        if (enroll == null || enroll.role() == null) {
            throw EnrollmentRefused.invalid("role", "Choose whether you enroll as a mentor or as a mentee.");
        }
        var role = enroll.role();
        if (!program.status().open()) {
            throw EnrollmentRefused.notOpen(program);
        }
        if (enrollments.findTakingPart(programId, me.id(), role).isPresent()) {
            throw EnrollmentRefused.alreadyEnrolled(program, roleName(role));
        }
        var errors = new LinkedHashMap<String, String>();
        var answers = EnrollmentRules.checkAnswers(
                questions.findByProgramIdOrderByPositionAsc(programId), role, enroll.answers(), errors);
        var capacityProblem = EnrollmentRules.capacityProblem(program, role, enroll.capacity());
        if (capacityProblem != null) {
            errors.put("capacity", capacityProblem);
        }
        if (!errors.isEmpty()) {
            throw EnrollmentRefused.invalid(errors);
        }
        var capacity = EnrollmentRules.checkedCapacity(program, role, enroll.capacity());
        Enrollment enrollment;
        try {
            enrollment = enrollments.saveAndFlush(
                    new Enrollment(programId, me.id(), role, capacity, answers, clock.instant()));
        } catch (DataIntegrityViolationException twice) {
            // The same member enrolling twice at once: the unique index lets one through.
            throw EnrollmentRefused.alreadyEnrolled(program, roleName(role));
        }
        seats.take(new SeatAllowance.Seat(enrollment.id(), programId, me.id(), role));
        events.publishEvent(new EnrollmentStarted(
                TenantContext.require(), enrollment.id(), programId, me.id(), role, enrollment.createdAt()));
        audit.record(
                currentMember.asActor(),
                "enrollment.created",
                me.email(),
                roleName(role) + " in " + program.name() + (capacity == null ? "" : ", capacity " + capacity));
        return enrollment;
    }

    /** Replaces the signed-in member's answers on their enrollment (checked like when enrolling). */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Enrollment answer(UUID id, Map<UUID, Answer> answers) {
        return update(id, answers, null);
    }

    /** Changes the signed-in mentor's capacity. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Enrollment changeCapacity(UUID id, int capacity) {
        return update(id, null, capacity);
    }

    /**
     * Changes the signed-in member's answers (when given, all of them) and, for a mentor, their capacity (when given);
     * both are checked before either is written. Only while the program is open.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Enrollment update(UUID id, Map<UUID, Answer> answers, Integer capacity) {
        var me = currentMember.require();
        var enrollment = visible(enrollments.findForUpdate(id).orElse(null), id, me);
        if (!enrollment.memberId().equals(me.id())) {
            throw EnrollmentRefused.notYours("change its answers and capacity");
        }
        var program = programOf(enrollment);
        if (program.status() == ProgramStatus.CLOSED) {
            throw EnrollmentRefused.closed(program);
        }
        if (!program.status().open()) {
            throw EnrollmentRefused.notOpen(program);
        }
        if (!enrollment.takingPart()) {
            throw EnrollmentRefused.notNow("This enrollment was withdrawn; enroll again to take part.");
        }
        var errors = new LinkedHashMap<String, String>();
        Map<UUID, Answer> checked = null;
        if (answers != null) {
            checked = EnrollmentRules.checkAnswers(
                    questions.findByProgramIdOrderByPositionAsc(program.id()), enrollment.role(), answers, errors);
        }
        if (capacity != null) {
            var problem = EnrollmentRules.capacityProblem(program, enrollment.role(), capacity);
            if (problem != null) {
                errors.put("capacity", problem);
            }
        }
        if (!errors.isEmpty()) {
            throw EnrollmentRefused.invalid(errors);
        }
        var now = clock.instant();
        if (checked != null) {
            enrollment.answer(checked, now);
            audit.record(currentMember.asActor(), "enrollment.answers-changed", me.email(), "in " + program.name());
        }
        if (capacity != null && !capacity.equals(enrollment.capacity())) {
            var before = enrollment.capacity();
            enrollment.changeCapacity(capacity, now);
            audit.record(
                    currentMember.asActor(),
                    "enrollment.capacity-changed",
                    me.email(),
                    before + " → " + capacity + " in " + program.name());
        }
        return enrollment;
    }

    /** Pauses an enrollment: no new matches or requests until it resumes. The member's own, or any for coordinators. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Enrollment pause(UUID id) {
        return change(id, "enrollment.paused", (enrollment, program) -> {
            if (enrollment.status() != EnrollmentStatus.ACTIVE) {
                throw EnrollmentRefused.notNow(
                        "This enrollment is " + state(enrollment) + "; only an active one can" + " be paused.");
            }
            enrollment.pause(clock.instant());
            events.publishEvent(new EnrollmentPaused(
                    TenantContext.require(),
                    enrollment.id(),
                    enrollment.programId(),
                    enrollment.memberId(),
                    enrollment.updatedAt()));
        });
    }

    /** Resumes a paused enrollment. The member's own, or any for coordinators. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Enrollment resume(UUID id) {
        return change(id, "enrollment.resumed", (enrollment, program) -> {
            if (enrollment.status() != EnrollmentStatus.PAUSED) {
                throw EnrollmentRefused.notNow(
                        "This enrollment is " + state(enrollment) + "; only a paused one can" + " be resumed.");
            }
            enrollment.resume(clock.instant());
            events.publishEvent(new EnrollmentResumed(
                    TenantContext.require(),
                    enrollment.id(),
                    enrollment.programId(),
                    enrollment.memberId(),
                    enrollment.updatedAt()));
        });
    }

    /**
     * Withdraws an enrollment for good and publishes {@link EnrollmentWithdrawn} in the same transaction, so what
     * hangs on it closes with it. The member's own, or any for coordinators.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Enrollment withdraw(UUID id) {
        return change(id, "enrollment.withdrawn", (enrollment, program) -> {
            if (!enrollment.takingPart()) {
                throw EnrollmentRefused.notNow("This enrollment was withdrawn already.");
            }
            withdraw(enrollment, EnrollmentWithdrawn.Reason.WITHDRAWN);
        });
    }

    /**
     * Withdraws every enrollment the member still has, because they were removed from the organization: what hangs on
     * them closes as on any withdrawal, and their seats are freed. Runs without a signed-in member (the removal is
     * heard after it committed); doing it again changes nothing.
     */
    @Transactional
    public void withdrawRemovedMember(UUID memberId) {
        TenantContext.require();
        var taking = enrollments.findByMemberIdAndStatusIn(
                memberId, EnumSet.of(EnrollmentStatus.ACTIVE, EnrollmentStatus.PAUSED));
        for (var listed : taking) {
            var enrollment = enrollments.findForUpdate(listed.id()).orElseThrow();
            if (!enrollment.takingPart()) {
                continue;
            }
            var program = programOf(enrollment);
            withdraw(enrollment, EnrollmentWithdrawn.Reason.MEMBER_REMOVED);
            audit.record(
                    Actor.SYSTEM,
                    "enrollment.withdrawn",
                    members.get(memberId).email(),
                    roleName(enrollment.role()) + " in " + program.name() + ": removed from the organization");
        }
    }

    private void withdraw(Enrollment enrollment, EnrollmentWithdrawn.Reason reason) {
        enrollment.withdraw(clock.instant());
        events.publishEvent(new EnrollmentWithdrawn(
                TenantContext.require(),
                enrollment.id(),
                enrollment.programId(),
                enrollment.memberId(),
                enrollment.role(),
                reason,
                enrollment.updatedAt()));
    }

    /**
     * A program's participants for coordinators, oldest enrollment first; {@code role} and {@code status} narrow the
     * list when given.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COORDINATOR')")
    public List<ProgramParticipant> participants(UUID programId, Role role, EnrollmentStatus status) {
        TenantContext.require();
        programs.findById(programId).orElseThrow(() -> ProgramRefused.notFound(programId));
        var list = enrollments.findByProgramIdOrderByCreatedAtAsc(programId).stream()
                .filter(enrollment -> role == null || enrollment.role() == role)
                .filter(enrollment -> status == null || enrollment.status() == status)
                .toList();
        var people = members.byIds(list.stream().map(Enrollment::memberId).toList());
        return list.stream()
                .map(enrollment -> {
                    var member = people.get(enrollment.memberId());
                    return new ProgramParticipant(
                            enrollment,
                            member == null ? "?" : member.displayName(),
                            member == null ? "" : member.email());
                })
                .toList();
    }

    private interface Change {
        void apply(Enrollment enrollment, Program program);
    }

    private Enrollment change(UUID id, String action, Change change) {
        var me = currentMember.require();
        var enrollment = visible(enrollments.findForUpdate(id).orElse(null), id, me);
        var program = programOf(enrollment);
        if (program.status() == ProgramStatus.CLOSED) {
            throw EnrollmentRefused.closed(program);
        }
        change.apply(enrollment, program);
        var whose = enrollment.memberId().equals(me.id())
                ? me.email()
                : members.get(enrollment.memberId()).email();
        audit.record(currentMember.asActor(), action, whose, roleName(enrollment.role()) + " in " + program.name());
        return enrollment;
    }

    private Enrollment visible(Enrollment enrollment, UUID id, SignedInMember me) {
        if (enrollment == null || !(enrollment.memberId().equals(me.id()) || me.has(OrgRole.COORDINATOR))) {
            throw EnrollmentRefused.notFound(id);
        }
        return enrollment;
    }

    private Program programOf(Enrollment enrollment) {
        return programs.findById(enrollment.programId())
                .orElseThrow(() -> ProgramRefused.notFound(enrollment.programId()));
    }

    private static String state(Enrollment enrollment) {
        return enrollment.status().name().toLowerCase();
    }

    static String roleName(Role role) {
        return role == Role.MENTOR ? "mentor" : "mentee";
    }
}
