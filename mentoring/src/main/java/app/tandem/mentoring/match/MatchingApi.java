package app.tandem.mentoring.match;

import app.tandem.core.routing.OnTenantHost;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Suggestions, requests, matches, bulk auto-match drafts and blocked pairs for members' and coordinators' tools. */
@RestController
@OnTenantHost
@RequestMapping("/api/v1")
class MatchingApi {

    private final MentorSuggestions suggestions;
    private final MentorshipRequests requests;
    private final Matches matches;
    private final AutoMatching autoMatching;
    private final MyMatches myMatches;

    MatchingApi(
            MentorSuggestions suggestions,
            MentorshipRequests requests,
            Matches matches,
            AutoMatching autoMatching,
            MyMatches myMatches) {
        this.suggestions = suggestions;
        this.requests = requests;
        this.matches = matches;
        this.autoMatching = autoMatching;
        this.myMatches = myMatches;
    }

    /** The signed-in member's active matches: the other person, my role, the score and the reasons. */
    @GetMapping("/me/matches")
    List<MyMatches.MyMatch> myMatches() {
        return myMatches.list();
    }

    /** A suggested mentor: score 0–100 and the reasons in words. */
    record SuggestionView(UUID mentorEnrollmentId, String mentorName, double score, List<String> reasons) {

        static SuggestionView of(Matches.Fit fit) {
            return new SuggestionView(fit.mentorEnrollmentId(), fit.mentorName(), fit.score(), fit.reasons());
        }
    }

    record SuggestionsView(UUID programId, UUID menteeEnrollmentId, List<SuggestionView> suggestions, String notice) {}

    record RequestView(
            UUID id,
            UUID programId,
            String programName,
            UUID mentorEnrollmentId,
            String mentorName,
            UUID menteeEnrollmentId,
            String menteeName,
            String message,
            String state,
            String responseNote,
            Instant createdAt,
            Instant expiresAt,
            Instant respondedAt) {

        static RequestView of(MentorshipRequests.RequestDetails details) {
            var r = details.request();
            return new RequestView(
                    r.id(),
                    r.programId(),
                    details.programName(),
                    r.mentorEnrollmentId(),
                    details.mentorName(),
                    r.menteeEnrollmentId(),
                    details.menteeName(),
                    r.message(),
                    details.state(),
                    r.responseNote(),
                    r.createdAt(),
                    r.expiresAt(),
                    r.respondedAt());
        }
    }

    record RequestsView(List<RequestView> received, List<RequestView> sent) {}

    /** A note with an answer to a request. */
    record Answer(String note) {}

    record MatchView(
            UUID id,
            UUID programId,
            UUID mentorEnrollmentId,
            String mentorName,
            UUID menteeEnrollmentId,
            String menteeName,
            MatchStatus status,
            MatchOrigin origin,
            double score,
            String reasons,
            UUID runId,
            Instant createdAt,
            Instant publishedAt,
            Instant endedAt) {

        static MatchView of(Matches.MatchDetails details) {
            var m = details.match();
            return new MatchView(
                    m.id(),
                    m.programId(),
                    m.mentorEnrollmentId(),
                    details.mentorName(),
                    m.menteeEnrollmentId(),
                    details.menteeName(),
                    m.status(),
                    m.origin(),
                    m.score(),
                    m.reasons(),
                    m.runId(),
                    m.createdAt(),
                    m.publishedAt(),
                    m.endedAt());
        }
    }

    record ManualMatch(UUID mentorEnrollmentId, UUID menteeEnrollmentId) {}

    record ChangeMentor(UUID mentorEnrollmentId) {}

    record UnmatchedView(UUID menteeEnrollmentId, String reason) {}

    record RunView(
            UUID id,
            UUID programId,
            MatchRun.Status status,
            String startedBy,
            Instant startedAt,
            Instant finishedAt,
            int mentors,
            int mentees,
            int matched,
            double totalScore,
            List<UnmatchedView> unmatched) {

        static RunView of(MatchRun run) {
            return new RunView(
                    run.id(),
                    run.programId(),
                    run.status(),
                    run.startedBy(),
                    run.startedAt(),
                    run.finishedAt(),
                    run.mentorCount(),
                    run.menteeCount(),
                    run.matchedCount(),
                    run.totalPoints() / 100.0,
                    run.unmatched().stream()
                            .map(u -> new UnmatchedView(
                                    u.menteeEnrollmentId(), u.reason().name()))
                            .toList());
        }
    }

    record NotPublishedView(MatchView draft, String reason) {}

    record PublishedView(List<MatchView> published, List<NotPublishedView> left) {}

    record BlockView(
            UUID id,
            UUID mentorMemberId,
            String mentorName,
            UUID menteeMemberId,
            String menteeName,
            String blockedBy,
            Instant blockedAt) {

        static BlockView of(Matches.Block block) {
            var p = block.pair();
            return new BlockView(
                    p.id(),
                    p.mentorMemberId(),
                    block.mentorName(),
                    p.menteeMemberId(),
                    block.menteeName(),
                    p.blockedBy(),
                    p.blockedAt());
        }
    }

    record PairView(double score, boolean allowed, List<String> reasons, String notAllowed) {}

    /** The signed-in mentee's suggested mentors in the program (default 5), with scores and reasons. */
    @GetMapping("/programs/{id}/suggestions")
    SuggestionsView suggestions(
            @PathVariable UUID id, @RequestParam(defaultValue = "" + MentorSuggestions.DEFAULT_LIMIT) int limit) {
        var found = suggestions.forMe(id, limit);
        return new SuggestionsView(
                id,
                found.mentee().id(),
                found.suggestions().stream().map(SuggestionView::of).toList(),
                found.notice());
    }

    /** Sends a request to a mentor: {@code {"mentorEnrollmentId": ..., "message": ...}}. */
    @PostMapping("/requests")
    @ResponseStatus(HttpStatus.CREATED)
    RequestView send(@RequestBody MentorshipRequests.SendRequest send) {
        return RequestView.of(requests.send(send));
    }

    /** The signed-in member's requests: received as a mentor and sent as a mentee. */
    @GetMapping("/requests")
    RequestsView mine() {
        var inbox = requests.inbox();
        return new RequestsView(
                inbox.received().stream().map(RequestView::of).toList(),
                inbox.sent().stream().map(RequestView::of).toList());
    }

    /** One request, for the two people in it and coordinators. */
    @GetMapping("/requests/{id}")
    RequestView request(@PathVariable UUID id) {
        return RequestView.of(requests.get(id));
    }

    /** The mentor accepts (an active match, if they have a free place); optional {@code {"note": ...}}. */
    @PostMapping("/requests/{id}/accept")
    RequestView accept(@PathVariable UUID id, @RequestBody(required = false) Answer answer) {
        return RequestView.of(requests.accept(id, answer == null ? null : answer.note()));
    }

    /** The mentor declines, with an optional {@code {"note": ...}} for the mentee. */
    @PostMapping("/requests/{id}/decline")
    RequestView decline(@PathVariable UUID id, @RequestBody(required = false) Answer answer) {
        return RequestView.of(requests.decline(id, answer == null ? null : answer.note()));
    }

    /** The mentee withdraws their request. */
    @PostMapping("/requests/{id}/withdraw")
    RequestView withdraw(@PathVariable UUID id) {
        return RequestView.of(requests.withdraw(id));
    }

    /** The program's matches (coordinators); {@code status} filters. */
    @GetMapping("/programs/{id}/matches")
    List<MatchView> matches(@PathVariable UUID id, @RequestParam(required = false) MatchStatus status) {
        return matches.list(id, status).stream().map(MatchView::of).toList();
    }

    /** A manual match (coordinators): {@code {"mentorEnrollmentId": ..., "menteeEnrollmentId": ...}}. */
    @PostMapping("/programs/{id}/matches")
    @ResponseStatus(HttpStatus.CREATED)
    MatchView match(@PathVariable UUID id, @RequestBody ManualMatch match) {
        return MatchView.of(matches.match(id, match.mentorEnrollmentId(), match.menteeEnrollmentId()));
    }

    /** A pair's score and reasons, or why it cannot be matched (coordinators); changes nothing. */
    @GetMapping("/programs/{id}/pairs")
    PairView pair(@PathVariable UUID id, @RequestParam UUID mentorEnrollmentId, @RequestParam UUID menteeEnrollmentId) {
        var pair = matches.assess(id, mentorEnrollmentId, menteeEnrollmentId);
        return new PairView(pair.score(), pair.notAllowed() == null, pair.reasons(), pair.notAllowed());
    }

    /** One match (coordinators). */
    @GetMapping("/matches/{id}")
    MatchView matchById(@PathVariable UUID id) {
        return MatchView.of(matches.get(id));
    }

    /** Ends an active match (coordinators): the place is free again; the two become a past pair. */
    @PostMapping("/matches/{id}/end")
    MatchView end(@PathVariable UUID id) {
        return MatchView.of(matches.end(id));
    }

    /** Runs bulk auto-match (coordinators): the optimal drafts replace the program's earlier drafts. */
    @PostMapping("/programs/{id}/match-runs")
    @ResponseStatus(HttpStatus.CREATED)
    RunView run(@PathVariable UUID id) {
        return RunView.of(autoMatching.run(id));
    }

    /** The program's drafts, best score first (coordinators). */
    @GetMapping("/programs/{id}/drafts")
    List<MatchView> drafts(@PathVariable UUID id) {
        return autoMatching.drafts(id).stream().map(MatchView::of).toList();
    }

    /** Gives a draft another mentor: {@code {"mentorEnrollmentId": ...}} (coordinators). */
    @PutMapping("/drafts/{id}")
    MatchView changeMentor(@PathVariable UUID id, @RequestBody ChangeMentor change) {
        return MatchView.of(autoMatching.changeMentor(id, change == null ? null : change.mentorEnrollmentId()));
    }

    /** Removes a draft (coordinators). */
    @DeleteMapping("/drafts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeDraft(@PathVariable UUID id) {
        autoMatching.removeDraft(id);
    }

    /** Publishes the program's drafts as active matches within the mentors' places; reports the ones left. */
    @PostMapping("/programs/{id}/drafts/publish")
    PublishedView publish(@PathVariable UUID id) {
        var result = autoMatching.publish(id);
        return new PublishedView(
                result.published().stream().map(MatchView::of).toList(),
                result.left().stream()
                        .map(l -> new NotPublishedView(MatchView.of(l.draft()), l.reason()))
                        .toList());
    }

    /** The program's blocked pairs (coordinators). */
    @GetMapping("/programs/{id}/blocked-pairs")
    List<BlockView> blocked(@PathVariable UUID id) {
        return matches.blocked(id).stream().map(BlockView::of).toList();
    }

    /** Blocks a pair: {@code {"mentorMemberId": ..., "menteeMemberId": ...}} (coordinators). */
    @PostMapping("/programs/{id}/blocked-pairs")
    @ResponseStatus(HttpStatus.CREATED)
    BlockView block(@PathVariable UUID id, @RequestBody Matches.BlockRequest block) {
        return BlockView.of(matches.block(id, block));
    }

    /** Releases a blocked pair, named by {@code mentorMemberId} and {@code menteeMemberId} (coordinators). */
    @DeleteMapping("/programs/{id}/blocked-pairs")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unblock(@PathVariable UUID id, @RequestParam UUID mentorMemberId, @RequestParam UUID menteeMemberId) {
        matches.unblock(id, new Matches.BlockRequest(mentorMemberId, menteeMemberId));
    }
}
