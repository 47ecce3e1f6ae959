package app.tandem.mentoring.program;

import app.tandem.core.audit.AuditTrail;
import app.tandem.core.context.TenantContext;
import app.tandem.identity.CurrentMember;
import app.tandem.identity.OrgRole;
import app.tandem.mentoring.ProgramCatalog;
import app.tandem.mentoring.SeatAllowance;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programs of the organization in scope and their registration questions. Coordinators (and org admins) set
 * them up, move them through their statuses and duplicate them; every member may read a program that is past its
 * draft. Every change is audited. Question changes and status changes lock the program, so that a program never opens
 * while its questions are half changed.
 */
@Service
public class Programs implements ProgramCatalog {

    /** Which way a question moves in its program's form. */
    public enum Direction {
        UP,
        DOWN
    }

    /** How many people take part in a program (active or paused), per role. */
    public record Participation(long mentors, long mentees) {

        public static final Participation NONE = new Participation(0, 0);

        public long total() {
            return mentors + mentees;
        }
    }

    private final ProgramRepository programs;
    private final RegistrationQuestionRepository questions;
    private final AuditTrail audit;
    private final CurrentMember currentMember;
    private final ApplicationEventPublisher events;
    private final SeatAllowance seats;
    private final Clock clock;

    Programs(
            ProgramRepository programs,
            RegistrationQuestionRepository questions,
            AuditTrail audit,
            CurrentMember currentMember,
            ApplicationEventPublisher events,
            ObjectProvider<SeatAllowance> seats,
            Clock clock) {
        this.programs = programs;
        this.questions = questions;
        this.audit = audit;
        this.currentMember = currentMember;
        this.events = events;
        this.seats = seats.getIfAvailable(() -> SeatAllowance.UNMETERED);
        this.clock = clock;
    }

    /** A new program in DRAFT. */
    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public Program create(ProgramSettings settings) {
        TenantContext.require();
        var valid = ProgramRules.validSettings(settings);
        var actor = currentMember.asActor();
        var program = programs.save(new Program(valid, actor.name(), clock.instant()));
        audit.record(actor, "program.created", program.name(), describe(program));
        return program;
    }

    /** New settings; a closed program keeps its own, and the kind is fixed once the program runs. */
    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public Program update(UUID id, ProgramSettings settings) {
        TenantContext.require();
        var program = programs.findForUpdate(id).orElseThrow(() -> ProgramRefused.notFound(id));
        var valid = ProgramRules.validSettings(settings);
        if (program.status() == ProgramStatus.CLOSED) {
            throw ProgramRefused.notNow(program, "a closed program's settings no longer change.");
        }
        if (program.status() == ProgramStatus.RUNNING && valid.kind() != program.kind()) {
            throw ProgramRefused.notNow(
                    program,
                    "its matches are made, so it stays a " + ProgramRules.kindName(program.kind()) + " program.");
        }
        var before = describe(program);
        program.apply(valid, clock.instant());
        audit.record(currentMember.asActor(), "program.updated", program.name(), before + " → " + describe(program));
        return program;
    }

    /** Coordinators see every program, newest first; members see those open for enrollment or running. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MEMBER')")
    public List<Program> list() {
        TenantContext.require();
        return coordinating()
                ? programs.findAllByOrderByCreatedAtDesc()
                : programs.findByStatusInOrderByStartsOnAscNameAsc(
                        Set.of(ProgramStatus.ENROLLING, ProgramStatus.RUNNING));
    }

    /** The program; a draft is visible to coordinators only (to members it does not exist). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MEMBER')")
    public Program get(UUID id) {
        TenantContext.require();
        var program = programs.findById(id).orElseThrow(() -> ProgramRefused.notFound(id));
        if (program.status() == ProgramStatus.DRAFT && !coordinating()) {
            throw ProgramRefused.notFound(id);
        }
        return program;
    }

    /** The program's registration questions in the order of its form; readable wherever the program is. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MEMBER')")
    public List<RegistrationQuestion> questions(UUID programId) {
        get(programId);
        return questions.findByProgramIdOrderByPositionAsc(programId);
    }

    /** How many people take part in each of the programs; a program nobody joined has {@link Participation#NONE}. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MEMBER')")
    public Map<UUID, Participation> participation(Collection<UUID> programIds) {
        TenantContext.require();
        var result = new HashMap<UUID, Participation>();
        if (programIds.isEmpty()) {
            return result;
        }
        for (var count : programs.countTakingPart(Set.copyOf(programIds))) {
            var so = result.getOrDefault(count.programId(), Participation.NONE);
            result.put(
                    count.programId(),
                    count.role() == Role.MENTOR
                            ? new Participation(count.count(), so.mentees())
                            : new Participation(so.mentors(), count.count()));
        }
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> names(Collection<UUID> ids) {
        TenantContext.require();
        var result = new HashMap<UUID, String>();
        programs.findAllById(Set.copyOf(ids)).forEach(program -> result.put(program.id(), program.name()));
        return result;
    }

    /**
     * What keeps a program from opening for enrollment, in words; empty when nothing does. Shown on the program's
     * page before anyone tries.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COORDINATOR')")
    public List<String> problemsBeforeEnrolling(UUID programId) {
        get(programId);
        return ProgramRules.problemsBeforeEnrolling(questions.findByProgramIdOrderByPositionAsc(programId));
    }

    /**
     * Moves the program to {@code target}, one of {@link ProgramStatus#next()}. Opening for enrollment needs
     * consistent questions; going back to draft needs nobody enrolled; closing is for good.
     */
    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public Program changeStatus(UUID id, ProgramStatus target) {
        TenantContext.require();
        if (target == null) {
            throw ProgramRefused.invalid("status", "Choose a status: DRAFT, ENROLLING, RUNNING or CLOSED.");
        }
        var program = programs.findForUpdate(id).orElseThrow(() -> ProgramRefused.notFound(id));
        var from = program.status();
        if (from == target) {
            throw ProgramRefused.notNow(program, "it is " + word(target) + " already.");
        }
        if (!from.canMoveTo(target)) {
            throw ProgramRefused.notNow(program, whyNot(from, target));
        }
        if (target == ProgramStatus.ENROLLING) {
            var problems =
                    ProgramRules.problemsBeforeEnrolling(questions.findByProgramIdOrderByPositionAsc(program.id()));
            if (!problems.isEmpty()) {
                throw ProgramRefused.notReady(
                        program, "cannot open for enrollment yet: " + String.join("; ", problems) + ".");
            }
        }
        if (from == ProgramStatus.ENROLLING && target == ProgramStatus.DRAFT) {
            var enrolled = participation(List.of(program.id()))
                    .getOrDefault(program.id(), Participation.NONE)
                    .total();
            if (enrolled > 0) {
                throw ProgramRefused.notNow(
                        program,
                        (enrolled == 1 ? "1 person is" : enrolled + " people are")
                                + " enrolled, so it cannot go back to draft. Close it instead, or keep it open.");
            }
        }
        if (from == ProgramStatus.DRAFT && target == ProgramStatus.ENROLLING) {
            seats.open(
                    program.id(),
                    () -> programs.countByStatusIn(EnumSet.of(ProgramStatus.ENROLLING, ProgramStatus.RUNNING)));
        }
        var now = clock.instant();
        program.moveTo(target, now);
        if (from == ProgramStatus.DRAFT && target == ProgramStatus.ENROLLING) {
            events.publishEvent(new ProgramOpened(TenantContext.require(), program.id(), program.name(), now));
        }
        if (target == ProgramStatus.CLOSED) {
            events.publishEvent(new ProgramClosed(TenantContext.require(), program.id(), program.name(), now));
        }
        audit.record(currentMember.asActor(), "program.status-changed", program.name(), from + " → " + target);
        return program;
    }

    /**
     * A new DRAFT program with the settings of {@code id}, named "… (copy)", and copies of all its questions with
     * their pairings (pointing at the copies).
     */
    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public Program duplicate(UUID id) {
        var original = get(id);
        var settings = original.settings();
        var suffix = " (copy)";
        var base = original.name();
        if (base.length() + suffix.length() > ProgramRules.MAX_NAME) {
            base = base.substring(0, ProgramRules.MAX_NAME - suffix.length()).strip();
        }
        var actor = currentMember.asActor();
        var copy = programs.save(new Program(
                new ProgramSettings(
                        base + suffix,
                        settings.description(),
                        settings.kind(),
                        settings.maxGroupSize(),
                        settings.startsOn(),
                        settings.endsOn(),
                        settings.matchingMode(),
                        settings.defaultMentorCapacity(),
                        settings.pendingRequestCap(),
                        settings.requestExpiryDays()),
                actor.name(),
                clock.instant()));
        var originals = questions.findByProgramIdOrderByPositionAsc(original.id());
        // The copies refer to each other: all are stored before the pairings, which the foreign key checks at once.
        var stored = questions.saveAllAndFlush(originals.stream()
                .map(question -> new RegistrationQuestion(copy.id(), question.position(), question.definition()))
                .toList());
        var copies = new HashMap<UUID, RegistrationQuestion>();
        for (int i = 0; i < originals.size(); i++) {
            copies.put(originals.get(i).id(), stored.get(i));
        }
        for (var question : originals) {
            if (question.pairedQuestionId() != null && copies.containsKey(question.pairedQuestionId())) {
                copies.get(question.id())
                        .pairWith(copies.get(question.pairedQuestionId()).id());
            }
        }
        audit.record(
                actor,
                "program.duplicated",
                copy.name(),
                "from " + original.name() + " (" + original.id() + ") with " + originals.size() + " questions");
        return copy;
    }

    /** Adds a question at the end of the form, paired with {@code pairWith} when given. */
    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public RegistrationQuestion addQuestion(UUID programId, QuestionDefinition definition, UUID pairWith) {
        var program = editable(programId);
        var valid = ProgramRules.validQuestion(definition);
        var existing = questions.findByProgramIdOrderByPositionAsc(programId);
        var position =
                existing.isEmpty() ? 0 : existing.get(existing.size() - 1).position() + 1;
        var question = questions.saveAndFlush(new RegistrationQuestion(programId, position, valid));
        audit.record(
                currentMember.asActor(),
                "program.question-added",
                program.name(),
                "'" + question.label() + "' for " + plural(question.role()) + ", " + question.kind());
        if (pairWith != null) {
            pairUnchecked(program, question, question(programId, pairWith));
        }
        return question;
    }

    /**
     * Changes a question. Its role and kind change only while the program is a draft and the question unpaired;
     * a paired question's importance and range carry over to its partner, so that both read the same.
     */
    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public RegistrationQuestion updateQuestion(UUID programId, UUID questionId, QuestionDefinition definition) {
        var program = editable(programId);
        var question = question(programId, questionId);
        var valid = ProgramRules.validQuestion(definition);
        var reshaped = valid.role() != question.role() || valid.kind() != question.kind();
        if (reshaped && program.status() != ProgramStatus.DRAFT) {
            throw ProgramRefused.notNow(
                    program,
                    "people may have answered '" + question.label() + "' already, so its role and kind stay as they"
                            + " are. Add a new question instead.");
        }
        var partner = question.pairedQuestionId() == null ? null : question(programId, question.pairedQuestionId());
        if (reshaped && partner != null) {
            throw ProgramRefused.invalidQuestion(
                    valid.role() != question.role() ? "role" : "kind",
                    "'" + question.label() + "' is paired with '" + partner.label()
                            + "': unpair them before changing its role or kind.");
        }
        if (valid.kind() == QuestionKind.TEXT && partner != null) {
            throw ProgramRefused.invalidQuestion("kind", "A free-text question cannot be paired.");
        }
        question.apply(valid);
        if (partner != null) {
            partner.weighAs(question);
        }
        audit.record(currentMember.asActor(), "program.question-changed", program.name(), "'" + question.label() + "'");
        return question;
    }

    /** Removes a question with everyone's answers to it; its partner is unpaired. */
    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public void removeQuestion(UUID programId, UUID questionId) {
        var program = editable(programId);
        var question = question(programId, questionId);
        if (question.pairedQuestionId() != null) {
            questions
                    .findByIdAndProgramId(question.pairedQuestionId(), programId)
                    .ifPresent(RegistrationQuestion::unpair);
            question.unpair();
            questions.flush();
        }
        questions.delete(question);
        questions.flush();
        var position = 0;
        for (var remaining : questions.findByProgramIdOrderByPositionAsc(programId)) {
            remaining.moveTo(position++);
        }
        audit.record(currentMember.asActor(), "program.question-removed", program.name(), "'" + question.label() + "'");
    }

    /** Moves a question one place up or down in the form; at the top (or bottom) it stays. */
    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public List<RegistrationQuestion> moveQuestion(UUID programId, UUID questionId, Direction direction) {
        if (direction == null) {
            throw ProgramRefused.invalidQuestion("direction", "Move a question UP or DOWN.");
        }
        var program = editable(programId);
        question(programId, questionId);
        var all = new ArrayList<>(questions.findByProgramIdOrderByPositionAsc(programId));
        var index = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(questionId)) {
                index = i;
            }
        }
        var other = direction == Direction.UP ? index - 1 : index + 1;
        if (other >= 0 && other < all.size()) {
            Collections.swap(all, index, other);
            for (int i = 0; i < all.size(); i++) {
                all.get(i).moveTo(i);
            }
            audit.record(
                    currentMember.asActor(),
                    "program.question-moved",
                    program.name(),
                    "'" + all.get(other).label() + "' " + direction.name().toLowerCase(Locale.ROOT));
        }
        return all;
    }

    /**
     * Pairs a question with one of the other role and the same kind, on both questions; earlier partners of either
     * are unpaired. The pair's importance and range are the mentee question's (the mentor question's when the mentee
     * question has none), written on both.
     */
    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public RegistrationQuestion pair(UUID programId, UUID questionId, UUID otherQuestionId) {
        if (otherQuestionId == null) {
            throw ProgramRefused.invalidQuestion("pairedQuestionId", "Choose the question to pair it with.");
        }
        var program = editable(programId);
        var question = question(programId, questionId);
        pairUnchecked(program, question, question(programId, otherQuestionId));
        return question;
    }

    /** Unpairs a question and its partner; both keep their importance. */
    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public RegistrationQuestion unpair(UUID programId, UUID questionId) {
        var program = editable(programId);
        var question = question(programId, questionId);
        if (question.pairedQuestionId() == null) {
            return question;
        }
        var partner = questions.findByIdAndProgramId(question.pairedQuestionId(), programId);
        partner.ifPresent(RegistrationQuestion::unpair);
        question.unpair();
        audit.record(
                currentMember.asActor(),
                "program.question-unpaired",
                program.name(),
                "'" + question.label() + "'"
                        + partner.map(other -> " from '" + other.label() + "'").orElse(""));
        return question;
    }

    private void pairUnchecked(Program program, RegistrationQuestion question, RegistrationQuestion other) {
        if (question.id().equals(other.id())) {
            throw ProgramRefused.invalidQuestion("pairedQuestionId", "A question cannot be paired with itself.");
        }
        if (question.role() == other.role()) {
            throw ProgramRefused.invalidQuestion(
                    "pairedQuestionId",
                    "'" + question.label() + "' and '" + other.label() + "' are both " + word(question.role())
                            + " questions: pair a mentor question with a mentee question.");
        }
        if (question.kind() != other.kind()) {
            throw ProgramRefused.invalidQuestion(
                    "pairedQuestionId",
                    "'" + question.label() + "' is " + word(question.kind()) + " and '" + other.label() + "' is "
                            + word(other.kind()) + ": paired questions are of the same kind.");
        }
        if (question.kind() == QuestionKind.TEXT) {
            throw ProgramRefused.invalidQuestion(
                    "pairedQuestionId", "Free-text answers are never compared, so free-text questions are not paired.");
        }
        for (var side : List.of(question, other)) {
            var previous = side.pairedQuestionId();
            if (previous != null && !previous.equals(question.id()) && !previous.equals(other.id())) {
                questions.findByIdAndProgramId(previous, program.id()).ifPresent(RegistrationQuestion::unpair);
            }
        }
        question.pairWith(other.id());
        other.pairWith(question.id());
        var mentee = question.role() == Role.MENTEE ? question : other;
        var mentor = mentee == question ? other : question;
        if (mentee.importance() != null) {
            mentor.weighAs(mentee);
        } else {
            mentee.weighAs(mentor);
        }
        audit.record(
                currentMember.asActor(),
                "program.question-paired",
                program.name(),
                "'" + mentor.label() + "' with '" + mentee.label() + "', importance "
                        + ProgramRules.describe(mentee.importance()));
    }

    /** The program, locked, if its questions may change: while it is a draft or enrolling. */
    private Program editable(UUID programId) {
        TenantContext.require();
        var program = programs.findForUpdate(programId).orElseThrow(() -> ProgramRefused.notFound(programId));
        if (program.status() == ProgramStatus.RUNNING || program.status() == ProgramStatus.CLOSED) {
            throw ProgramRefused.notNow(
                    program, "its questions no longer change, because people have answered them and been matched.");
        }
        return program;
    }

    private RegistrationQuestion question(UUID programId, UUID questionId) {
        return questions
                .findByIdAndProgramId(questionId, programId)
                .orElseThrow(() -> ProgramRefused.questionNotFound(questionId));
    }

    private boolean coordinating() {
        return currentMember
                .find()
                .map(member -> member.has(OrgRole.COORDINATOR))
                .orElse(false);
    }

    private static String whyNot(ProgramStatus from, ProgramStatus target) {
        return switch (from) {
            case CLOSED -> "a closed program is closed for good. Duplicate it to run it again.";
            case RUNNING -> "a running program can only be closed; it does not go back to " + word(target) + ".";
            case DRAFT -> "open it for enrollment first.";
            case ENROLLING -> "it can go to " + words(from.next()) + " from here.";
        };
    }

    private static String describe(Program program) {
        return program.kind()
                + (program.maxGroupSize() == null ? "" : " (groups of up to " + program.maxGroupSize() + ")")
                + ", " + program.matchingMode() + ", capacity " + program.defaultMentorCapacity() + ", requests "
                + program.pendingRequestCap() + " for " + program.requestExpiryDays() + " days";
    }

    private static String plural(Role role) {
        return role == Role.MENTOR ? "mentors" : "mentees";
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String words(Set<ProgramStatus> statuses) {
        return statuses.stream().sorted().map(Programs::word).collect(Collectors.joining(" or "));
    }
}
