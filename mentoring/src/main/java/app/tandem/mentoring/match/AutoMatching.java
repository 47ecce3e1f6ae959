package app.tandem.mentoring.match;

import app.tandem.core.audit.AuditTrail;
import app.tandem.core.context.TenantContext;
import app.tandem.identity.CurrentMember;
import app.tandem.mentoring.enrollment.Enrollment;
import app.tandem.mentoring.matching.BulkMatching;
import app.tandem.mentoring.matching.PairScores;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.Program;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk auto-match: the optimal assignment ({@link BulkMatching}) of a program's available, unmatched mentees to its
 * mentors with free places, past and blocked pairs excluded, stored as DRAFT matches with scores and reasons (each run
 * replaces the drafts of the one before) and the mentees it left with the reason. Coordinators review the drafts —
 * remove one, give one another mentor — and publish them: each draft becomes an active match while its mentor has a
 * place, and both people get an email.
 */
@Service
public class AutoMatching {

    private final MatchRepository matches;
    private final MatchRunRepository runs;
    private final MentorshipRequestRepository requests;
    private final ProgramSnapshots snapshots;
    private final MatchMaker maker;
    private final Matches matchService;
    private final AuditTrail audit;
    private final CurrentMember currentMember;

    AutoMatching(
            MatchRepository matches,
            MatchRunRepository runs,
            MentorshipRequestRepository requests,
            ProgramSnapshots snapshots,
            MatchMaker maker,
            Matches matchService,
            AuditTrail audit,
            CurrentMember currentMember) {
        this.matches = matches;
        this.runs = runs;
        this.requests = requests;
        this.snapshots = snapshots;
        this.maker = maker;
        this.matchService = matchService;
        this.audit = audit;
        this.currentMember = currentMember;
    }

    /** A draft that could not be published, and why. */
    public record NotPublished(Matches.MatchDetails draft, String reason) {}

    /** What a publish did: the drafts now active, and those left as drafts with the reason. */
    public record Published(List<Matches.MatchDetails> published, List<NotPublished> left) {}

    /** Runs bulk auto-match for the program; the run's drafts replace the program's earlier drafts. */
    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public MatchRun run(UUID programId) {
        TenantContext.require();
        var program = snapshots.programForUpdate(programId);
        requireAdminMatching(program);
        var actor = currentMember.asActor();
        matches.deleteAll(matches.findByProgramIdAndStatusOrderByCreatedAtAsc(programId, MatchStatus.DRAFT));
        // The old drafts leave before the new ones come: one draft per mentee.
        matches.flush();
        var s = snapshots.of(program);
        var run = runs.save(new MatchRun(programId, actor.name(), s.now));
        var mentors = s.available(Role.MENTOR).stream()
                .map(m -> s.participant(m, (int) (s.places(m) - s.activeOf(m.id()))))
                .filter(p -> p.freePlaces() > 0)
                .toList();
        var mentees =
                s.unmatchedMentees().stream().map(e -> s.participant(e, 0)).toList();
        var result = new BulkMatching().match(PairScores.of(s.scoring(), mentors, mentees));
        for (var pair : result.matches()) {
            matches.save(Match.draft(
                    programId,
                    UUID.fromString(pair.mentor().id()),
                    UUID.fromString(pair.mentee().id()),
                    run.id(),
                    pair.points(),
                    Explanations.summary(pair, s.questions),
                    actor.name(),
                    s.now));
        }
        run.finish(
                mentors.size(),
                mentees.size(),
                result.totalPoints(),
                result.matches().size(),
                result.unmatched().stream()
                        .map(u -> new MatchRun.Unmatched(
                                UUID.fromString(u.mentee().id()), u.reason()))
                        .toList(),
                s.now);
        audit.record(
                actor,
                "matching.auto-match-run",
                program.name(),
                result.matches().size() + " drafts, " + result.unmatched().size() + " unmatched, total score "
                        + result.totalPoints() / 100.0);
        return run;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COORDINATOR')")
    public List<Matches.MatchDetails> drafts(UUID programId) {
        var s = snapshots.of(programId);
        return s.drafts.stream().map(d -> Matches.details(s, d)).toList();
    }

    /**
     * Gives a draft another mentor, re-scored; refused when the pair is not allowed or the mentor's active matches and
     * drafts would exceed their places.
     */
    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public Matches.MatchDetails changeMentor(UUID draftId, UUID mentorEnrollmentId) {
        var draft = draft(draftId);
        if (mentorEnrollmentId == null) {
            throw MatchRefused.invalid("Choose the draft's new mentor.");
        }
        var program = snapshots.programForUpdate(draft.programId());
        requireAdminMatching(program);
        var s = snapshots.of(program);
        var mentor = Matches.enrollmentOf(s, mentorEnrollmentId);
        var mentee = s.enrollments.get(draft.menteeEnrollmentId());
        if (mentor.role() != Role.MENTOR) {
            throw MatchRefused.wrongRole(s.name(mentor.id()) + " takes part as a mentee, not as a mentor.");
        }
        if (!mentor.available()) {
            throw MatchRefused.notAvailable(
                    s.name(mentor.id()), mentor.status().name().toLowerCase());
        }
        var assessment = s.assess(mentor, mentee);
        if (!assessment.allowed()) {
            throw MatchRefused.pairNotAllowed(Explanations.filtered(assessment.filteredOut(), s.questions));
        }
        if (!mentor.id().equals(draft.mentorEnrollmentId())
                && s.activeOf(mentor.id()) + s.draftsOf(mentor.id()) + 1 > s.places(mentor)) {
            throw MatchRefused.noFreePlace(s.name(mentor.id()) + " (with the drafts already given to them)");
        }
        draft.changeMentor(mentor.id(), assessment.points(), Explanations.summary(assessment, s.questions));
        return Matches.details(s, draft);
    }

    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public void removeDraft(UUID draftId) {
        matches.delete(draft(draftId));
    }

    /**
     * Publishes the program's drafts: each becomes an active match while its mentor has a place, its mentee has no
     * active match and the pair is still allowed; the others stay drafts and are reported. Mentors' enrollments are
     * locked (in id order) before any mentee's, as everywhere, so the places hold against accepts running at the same
     * time.
     */
    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public Published publish(UUID programId) {
        TenantContext.require();
        var program = snapshots.programForUpdate(programId);
        requireAdminMatching(program);
        var drafts = matches.findByProgramIdAndStatusOrderByCreatedAtAsc(programId, MatchStatus.DRAFT);
        var mentorIds = drafts.stream()
                .map(Match::mentorEnrollmentId)
                .distinct()
                .sorted()
                .toList();
        var menteeIds = drafts.stream()
                .map(Match::menteeEnrollmentId)
                .distinct()
                .sorted()
                .toList();
        var locked = new java.util.HashMap<UUID, Enrollment>();
        mentorIds.forEach(id -> locked.put(id, maker.lock(id, programId)));
        menteeIds.forEach(id -> locked.put(id, maker.lock(id, programId)));
        var s = snapshots.of(program);
        var actor = currentMember.asActor();
        var published = new ArrayList<Matches.MatchDetails>();
        var left = new ArrayList<NotPublished>();
        var ordered = drafts.stream()
                .sorted(Comparator.comparing(Match::scorePoints).reversed().thenComparing(Match::createdAt))
                .toList();
        for (var draft : ordered) {
            var refusal =
                    maker.refusal(s, locked.get(draft.mentorEnrollmentId()), locked.get(draft.menteeEnrollmentId()));
            if (refusal != null) {
                left.add(new NotPublished(Matches.details(s, draft), refusal.getMessage()));
                continue;
            }
            draft.publish(s.now);
            maker.made(draft, MatchOrigin.BULK);
            matches.flush();
            maker.closeOtherRequests(s, draft.menteeEnrollmentId());
            matchService.notify(s, draft);
            published.add(Matches.details(s, draft));
        }
        audit.record(
                actor,
                "matching.drafts-published",
                program.name(),
                published.size() + " published, " + left.size() + " left as drafts");
        return new Published(published, left);
    }

    /** The latest run of the program, if any. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COORDINATOR')")
    public java.util.Optional<MatchRun> lastRun(UUID programId) {
        snapshots.program(programId);
        return runs.findFirstByProgramIdOrderByStartedAtDesc(programId);
    }

    private Match draft(UUID draftId) {
        TenantContext.require();
        return matches.findById(draftId)
                .filter(m -> m.status() == MatchStatus.DRAFT)
                .orElseThrow(() -> MatchRefused.draftNotFound(draftId));
    }

    private static void requireAdminMatching(Program program) {
        if (!program.matchingMode().allowsAdminMatching()) {
            throw MatchRefused.adminMatchingNotUsed(program.name());
        }
        if (!program.status().open()) {
            throw MatchRefused.programNotOpen(
                    program.name(), program.status().name().toLowerCase());
        }
    }
}
