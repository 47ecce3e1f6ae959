package app.tandem.mentoring.match;

import app.tandem.core.audit.AuditTrail;
import app.tandem.core.context.TenantContext;
import app.tandem.identity.CurrentMember;
import app.tandem.mentoring.enrollment.Enrollment;
import app.tandem.mentoring.matching.PairAssessment;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.matching.Suggestions;
import app.tandem.mentoring.program.Program;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coordinators' matching of a program: the board (who is unmatched, with the mentors that fit them best), manual
 * matches within the mentors' places, ending matches, and blocking pairs that must never be matched. Bulk
 * auto-match is {@link AutoMatching}.
 */
@Service
public class Matches {

    static final int BOARD_SUGGESTIONS = 3;

    private final MatchRepository matches;
    private final BlockedPairRepository blocked;
    private final MentorshipRequestRepository requests;
    private final ProgramSnapshots snapshots;
    private final MatchMaker maker;
    private final MatchMails mails;
    private final MatchRunRepository runs;
    private final AuditTrail audit;
    private final CurrentMember currentMember;
    private final Clock clock;

    Matches(
            MatchRepository matches,
            BlockedPairRepository blocked,
            MentorshipRequestRepository requests,
            ProgramSnapshots snapshots,
            MatchMaker maker,
            MatchMails mails,
            MatchRunRepository runs,
            AuditTrail audit,
            CurrentMember currentMember,
            Clock clock) {
        this.matches = matches;
        this.blocked = blocked;
        this.requests = requests;
        this.snapshots = snapshots;
        this.maker = maker;
        this.mails = mails;
        this.runs = runs;
        this.audit = audit;
        this.currentMember = currentMember;
        this.clock = clock;
    }

    /** A match with the names of both people and its score's reasons. */
    public record MatchDetails(Match match, String mentorName, String menteeName) {}

    /** A mentor as the board lists them: places, how many are taken by active matches and by drafts. */
    public record MentorLoad(Enrollment enrollment, String name, int places, long active, long drafts) {

        public long free() {
            return Math.max(0, places - active);
        }
    }

    /** A mentor that fits an unmatched mentee, with the pair's score (0–100) and reasons in words. */
    public record Fit(
            UUID mentorEnrollmentId, UUID mentorMemberId, String mentorName, double score, List<String> reasons) {}

    /** A mentee without an active match, with the mentors that fit best (never more mentees than free places). */
    public record Unmatched(Enrollment enrollment, String name, List<Fit> fits) {}

    /** A blocked pair with names. */
    public record Block(BlockedPair pair, String mentorName, String menteeName) {}

    /** A mentee a run left without a mentor, with the reason in words. */
    public record Left(UUID menteeEnrollmentId, String name, String reason) {}

    /** Everything the match board shows. */
    public record Board(
            Program program,
            List<Unmatched> unmatched,
            List<MatchDetails> active,
            List<MatchDetails> drafts,
            MatchRun lastRun,
            List<Left> leftByLastRun,
            List<MentorLoad> mentors,
            List<Enrollment> mentees,
            List<Block> blocked,
            java.util.Map<UUID, String> names) {

        public String name(UUID enrollmentId) {
            return names.getOrDefault(enrollmentId, "someone who left");
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COORDINATOR')")
    public Board board(UUID programId) {
        TenantContext.require();
        var s = snapshots.of(programId);
        var mentors = s.available(Role.MENTOR);
        var mentees = s.unmatchedMentees();
        var participants = mentors.stream()
                .map(m -> s.participant(m, (int) (s.places(m) - s.activeOf(m.id()))))
                .toList();
        var fits = new Suggestions(s.scoring(), participants)
                .forMentees(mentees.stream().map(e -> s.participant(e, 0)).toList(), BOARD_SUGGESTIONS);
        var unmatched = new ArrayList<Unmatched>();
        for (var mentee : mentees) {
            var list = fits.getOrDefault(mentee.id().toString(), List.of()).stream()
                    .map(pair -> fit(s, pair, Explanations.Voice.NEUTRAL))
                    .toList();
            unmatched.add(new Unmatched(mentee, s.name(mentee.id()), list));
        }
        var lastRun = runs.findFirstByProgramIdOrderByStartedAtDesc(programId).orElse(null);
        var left = lastRun == null
                ? List.<Left>of()
                : lastRun.unmatched().stream()
                        .filter(u -> !s.matched(u.menteeEnrollmentId()))
                        .map(u -> new Left(
                                u.menteeEnrollmentId(),
                                s.name(u.menteeEnrollmentId()),
                                Explanations.unmatched(u.reason())))
                        .toList();
        var names = new java.util.HashMap<UUID, String>();
        s.enrollments.keySet().forEach(id -> names.put(id, s.name(id)));
        return new Board(
                s.program,
                unmatched,
                s.active.stream().map(m -> details(s, m)).toList(),
                s.drafts.stream().map(m -> details(s, m)).toList(),
                lastRun,
                left,
                mentors.stream()
                        .map(m ->
                                new MentorLoad(m, s.name(m.id()), s.places(m), s.activeOf(m.id()), s.draftsOf(m.id())))
                        .sorted(Comparator.comparing(MentorLoad::name))
                        .toList(),
                s.available(Role.MENTEE),
                s.blocked.stream()
                        .map(b -> new Block(b, s.nameOfMember(b.mentorMemberId()), s.nameOfMember(b.menteeMemberId())))
                        .toList(),
                names);
    }

    static Fit fit(ProgramSnapshot s, PairAssessment pair, Explanations.Voice voice) {
        var mentor = s.enrollment(pair.mentor().id());
        return new Fit(
                mentor.id(),
                mentor.memberId(),
                s.name(mentor.id()),
                pair.score(),
                Explanations.of(pair, s.questions, voice));
    }

    /** The pair's score and reasons, or why it cannot be matched, without changing anything. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COORDINATOR')")
    public PairCheck assess(UUID programId, UUID mentorEnrollmentId, UUID menteeEnrollmentId) {
        var s = snapshots.of(programId);
        var pair = s.assess(enrollmentOf(s, mentorEnrollmentId), enrollmentOf(s, menteeEnrollmentId));
        return new PairCheck(
                pair.score(),
                Explanations.of(pair, s.questions, Explanations.Voice.NEUTRAL),
                pair.allowed() ? null : Explanations.filtered(pair.filteredOut(), s.questions));
    }

    /** A pair's score (0–100) and reasons in words; {@code notAllowed} says why it cannot be matched, if so. */
    public record PairCheck(double score, List<String> reasons, String notAllowed) {}

    /** The program's matches, all or of one status. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COORDINATOR')")
    public List<MatchDetails> list(UUID programId, MatchStatus status) {
        var s = snapshots.of(programId);
        var all = new ArrayList<Match>();
        if (status == null || status == MatchStatus.ACTIVE) {
            all.addAll(s.active);
        }
        if (status == null || status == MatchStatus.DRAFT) {
            all.addAll(s.drafts);
        }
        if (status == null || status == MatchStatus.ENDED) {
            all.addAll(s.ended);
        }
        return all.stream().map(m -> details(s, m)).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COORDINATOR')")
    public MatchDetails get(UUID matchId) {
        TenantContext.require();
        var match = matches.findById(matchId).orElseThrow(() -> MatchRefused.matchNotFound(matchId));
        return details(snapshots.of(match.programId()), match);
    }

    /** An admin's match of a mentor and a mentee, within the mentor's places; both are told by email. */
    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public MatchDetails match(UUID programId, UUID mentorEnrollmentId, UUID menteeEnrollmentId) {
        TenantContext.require();
        if (mentorEnrollmentId == null || menteeEnrollmentId == null) {
            throw MatchRefused.invalid("Choose a mentor and a mentee.");
        }
        var program = snapshots.program(programId);
        if (!program.matchingMode().allowsAdminMatching()) {
            throw MatchRefused.adminMatchingNotUsed(program.name());
        }
        var mentor = maker.lock(mentorEnrollmentId, programId);
        var mentee = maker.lock(menteeEnrollmentId, programId);
        var s = snapshots.of(program);
        var actor = currentMember.asActor();
        var match = maker.activate(s, mentor, mentee, MatchOrigin.MANUAL, null, actor.name());
        // A draft or open requests of the mentee make no sense any more.
        s.drafts.stream()
                .filter(d -> d.menteeEnrollmentId().equals(mentee.id()))
                .forEach(matches::delete);
        maker.closeOtherRequests(s, mentee.id());
        notify(s, match);
        audit.record(actor, "matching.manual-match", program.name(), s.name(mentor.id()) + " ↔ " + s.name(mentee.id()));
        return details(s, match);
    }

    /** Ends an active match: the mentor's place is free again, and the two become a past pair of the program. */
    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public MatchDetails end(UUID matchId) {
        TenantContext.require();
        var match = matches.findById(matchId).orElseThrow(() -> MatchRefused.matchNotFound(matchId));
        match.end(clock.instant());
        var s = snapshots.of(match.programId());
        notifyEnded(s, match, "the program's coordinators ended it");
        audit.record(
                currentMember.asActor(),
                "matching.match-ended",
                s.program.name(),
                s.name(match.mentorEnrollmentId()) + " ↔ " + s.name(match.menteeEnrollmentId()));
        return details(s, match);
    }

    /** What blocks a pair: the mentor's and the mentee's member ids. */
    public record BlockRequest(UUID mentorMemberId, UUID menteeMemberId) {}

    /**
     * Blocks a pair in the program: never suggested, requested, matched or drafted; an open request between them is
     * cancelled and a draft of theirs removed. Blocking a blocked pair again changes nothing.
     */
    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public Block block(UUID programId, BlockRequest block) {
        TenantContext.require();
        var s = snapshots.of(programId);
        if (block == null || block.mentorMemberId() == null || block.menteeMemberId() == null) {
            throw MatchRefused.invalid("Choose the mentor and the mentee to keep apart.");
        }
        if (block.mentorMemberId().equals(block.menteeMemberId())) {
            throw MatchRefused.invalid("Choose two different people.");
        }
        requireEnrolled(s, block.mentorMemberId(), Role.MENTOR);
        requireEnrolled(s, block.menteeMemberId(), Role.MENTEE);
        var existing = blocked.findByProgramIdAndMentorMemberIdAndMenteeMemberId(
                programId, block.mentorMemberId(), block.menteeMemberId());
        if (existing.isPresent()) {
            return blockDetails(s, existing.get());
        }
        var actor = currentMember.asActor();
        var pair = blocked.save(
                new BlockedPair(programId, block.mentorMemberId(), block.menteeMemberId(), actor.name(), s.now));
        for (var draft : s.drafts) {
            if (between(s, draft.mentorEnrollmentId(), draft.menteeEnrollmentId(), block)) {
                matches.delete(draft);
            }
        }
        for (var request : s.openRequests) {
            if (between(s, request.mentorEnrollmentId(), request.menteeEnrollmentId(), block)) {
                request.cancel(s.now);
            }
        }
        audit.record(
                actor,
                "matching.pair-blocked",
                s.program.name(),
                s.nameOfMember(block.mentorMemberId()) + " ↔ " + s.nameOfMember(block.menteeMemberId()));
        return blockDetails(s, pair);
    }

    @Transactional
    @PreAuthorize("hasRole('COORDINATOR')")
    public void unblock(UUID programId, BlockRequest block) {
        TenantContext.require();
        var s = snapshots.of(programId);
        if (block == null || block.mentorMemberId() == null || block.menteeMemberId() == null) {
            throw MatchRefused.invalid("Choose the blocked pair to release.");
        }
        var pair = blocked.findByProgramIdAndMentorMemberIdAndMenteeMemberId(
                        programId, block.mentorMemberId(), block.menteeMemberId())
                .orElseThrow(() -> MatchRefused.invalid("These two are not blocked in " + s.program.name() + "."));
        blocked.delete(pair);
        audit.record(
                currentMember.asActor(),
                "matching.pair-unblocked",
                s.program.name(),
                s.nameOfMember(block.mentorMemberId()) + " ↔ " + s.nameOfMember(block.menteeMemberId()));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COORDINATOR')")
    public List<Block> blocked(UUID programId) {
        var s = snapshots.of(programId);
        return s.blocked.stream().map(b -> blockDetails(s, b)).toList();
    }

    private static boolean between(
            ProgramSnapshot s, UUID mentorEnrollmentId, UUID menteeEnrollmentId, BlockRequest block) {
        var mentor = s.enrollments.get(mentorEnrollmentId);
        var mentee = s.enrollments.get(menteeEnrollmentId);
        return mentor != null
                && mentee != null
                && mentor.memberId().equals(block.mentorMemberId())
                && mentee.memberId().equals(block.menteeMemberId());
    }

    private static void requireEnrolled(ProgramSnapshot s, UUID memberId, Role role) {
        boolean enrolled =
                s.enrollments.values().stream().anyMatch(e -> e.memberId().equals(memberId) && e.role() == role);
        if (!enrolled) {
            throw MatchRefused.invalid("Member " + memberId + " is not enrolled as a "
                    + role.name().toLowerCase() + " in " + s.program.name() + ".");
        }
    }

    private static Block blockDetails(ProgramSnapshot s, BlockedPair pair) {
        return new Block(pair, s.nameOfMember(pair.mentorMemberId()), s.nameOfMember(pair.menteeMemberId()));
    }

    static Enrollment enrollmentOf(ProgramSnapshot s, UUID enrollmentId) {
        var enrollment = enrollmentId == null ? null : s.enrollments.get(enrollmentId);
        if (enrollment == null) {
            throw MatchRefused.enrollmentNotFound(enrollmentId);
        }
        return enrollment;
    }

    void notify(ProgramSnapshot s, Match match) {
        mails.matchMade(
                s.program.name(),
                s.member(match.mentorEnrollmentId()),
                s.member(match.menteeEnrollmentId()),
                match.reasons());
    }

    /** The match ended: both people are told, and so are other modules ({@link MatchEnded}). */
    void notifyEnded(ProgramSnapshot s, Match match, String why) {
        maker.ended(match, why, s.now);
        mails.matchEnded(
                s.program.name(), s.member(match.mentorEnrollmentId()), s.member(match.menteeEnrollmentId()), why);
    }

    static MatchDetails details(ProgramSnapshot s, Match match) {
        return new MatchDetails(match, s.name(match.mentorEnrollmentId()), s.name(match.menteeEnrollmentId()));
    }
}
