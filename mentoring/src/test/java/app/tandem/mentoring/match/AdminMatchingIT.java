package app.tandem.mentoring.match;

import static app.tandem.mentoring.match.MatchFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tandem.core.context.TenantScope;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.infra.mail.TestMailbox;
import app.tandem.mentoring.MentoringIntegrationTest;
import app.tandem.mentoring.enrollment.EnrollmentRepository;
import app.tandem.mentoring.matching.BulkMatching;
import app.tandem.mentoring.matching.Exclusions;
import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.PairScores;
import app.tandem.mentoring.matching.Participant;
import app.tandem.mentoring.matching.PersonPair;
import app.tandem.mentoring.matching.Scoring;
import app.tandem.mentoring.matching.UnmatchedMentee;
import app.tandem.mentoring.program.MatchingMode;
import app.tandem.mentoring.program.MatchingQuestions;
import app.tandem.mentoring.program.RegistrationQuestionRepository;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Coordinators' matching: manual matches and their refusals, ending, blocking, bulk auto-match, review, publish. */
@MentoringIntegrationTest
class AdminMatchingIT {

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    @Autowired
    MatchFixtures fixtures;

    @Autowired
    Matches matches;

    @Autowired
    AutoMatching autoMatching;

    @Autowired
    MatchRepository matchRows;

    @Autowired
    EnrollmentRepository enrollments;

    @Autowired
    RegistrationQuestionRepository questions;

    @Test
    void bulkAutoMatchFindsTheOptimumExplainsTheLeftOversAndPublishesWithinPlaces() {
        var tenant = tenants.activeTenant("bulk");
        var coordinator = people.member(tenant, OrgRole.COORDINATOR);
        var program = fixtures.program(tenant, MatchingMode.BOTH, Importance.VERY, 5);
        var a = fixtures.mentor(program, 1, "Java", "Go");
        var b = fixtures.mentor(program, 1, "Java");
        var x = fixtures.mentee(program, "Java");
        var y = fixtures.mentee(program, "Java", "Go");
        var w = fixtures.mentee(program, "Java");
        var z = fixtures.mentee(program, "Java");
        for (var mentor : List.of(a, b)) {
            as(
                    tenant,
                    coordinator,
                    OrgRole.COORDINATOR,
                    () -> matches.block(
                            program.id(),
                            new Matches.BlockRequest(
                                    mentor.account().memberId(), z.account().memberId())));
        }

        var run = as(tenant, coordinator, OrgRole.COORDINATOR, () -> autoMatching.run(program.id()));

        // The same data through the engine directly: the run's total is the optimum.
        var expected = TenantScope.get(tenant.id(), () -> {
            var pairs = MatchingQuestions.of(questions.findByProgramIdOrderByPositionAsc(program.id()));
            var blocked = Set.of(
                    new PersonPair(
                            a.account().memberId().toString(),
                            z.account().memberId().toString()),
                    new PersonPair(
                            b.account().memberId().toString(),
                            z.account().memberId().toString()));
            var mentors = List.of(a, b).stream()
                    .map(m -> Participant.mentor(
                            m.enrollmentId().toString(),
                            m.account().memberId().toString(),
                            1,
                            enrollments.findById(m.enrollmentId()).orElseThrow().matchingAnswers()))
                    .toList();
            var mentees = List.of(x, y, w, z).stream()
                    .map(e -> Participant.mentee(
                            e.enrollmentId().toString(),
                            e.account().memberId().toString(),
                            enrollments.findById(e.enrollmentId()).orElseThrow().matchingAnswers()))
                    .toList();
            return new BulkMatching()
                    .match(PairScores.of(new Scoring(pairs, new Exclusions(Set.of(), blocked)), mentors, mentees));
        });
        assertThat(run.totalPoints()).isEqualTo(expected.totalPoints()).isEqualTo(20_000);
        assertThat(run.matchedCount()).isEqualTo(2);
        assertThat(run.unmatched())
                .extracting(MatchRun.Unmatched::menteeEnrollmentId, MatchRun.Unmatched::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                w.enrollmentId(), UnmatchedMentee.Reason.ALL_ALLOWED_MENTORS_FULL),
                        org.assertj.core.groups.Tuple.tuple(
                                z.enrollmentId(), UnmatchedMentee.Reason.NO_ALLOWED_MENTOR));
        var drafts = as(tenant, coordinator, OrgRole.COORDINATOR, () -> autoMatching.drafts(program.id()));
        assertThat(drafts)
                .extracting(d -> d.match().menteeEnrollmentId(), d -> d.match().mentorEnrollmentId())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(x.enrollmentId(), b.enrollmentId()),
                        org.assertj.core.groups.Tuple.tuple(y.enrollmentId(), a.enrollmentId()));
        assertThat(drafts).allSatisfy(d -> assertThat(d.match().reasons()).contains("Languages: Both chose Java"));
        var board = as(tenant, coordinator, OrgRole.COORDINATOR, () -> matches.board(program.id()));
        assertThat(board.leftByLastRun())
                .extracting(Matches.Left::reason)
                .anySatisfy(reason -> assertThat(reason).startsWith("No mentor with a free place fits"));

        var draftOfX = drafts.stream()
                .filter(d -> d.match().menteeEnrollmentId().equals(x.enrollmentId()))
                .findFirst()
                .orElseThrow()
                .match();
        var draftOfY = drafts.stream()
                .filter(d -> d.match().menteeEnrollmentId().equals(y.enrollmentId()))
                .findFirst()
                .orElseThrow()
                .match();
        assertThatThrownBy(() -> as(
                        tenant,
                        coordinator,
                        OrgRole.COORDINATOR,
                        () -> autoMatching.changeMentor(draftOfX.id(), a.enrollmentId())))
                .isInstanceOf(MatchRefused.class)
                .hasMessageContaining("has no free place");
        as(tenant, coordinator, OrgRole.COORDINATOR, () -> {
            autoMatching.removeDraft(draftOfY.id());
            return null;
        });
        var changed = as(
                tenant,
                coordinator,
                OrgRole.COORDINATOR,
                () -> autoMatching.changeMentor(draftOfX.id(), a.enrollmentId()));
        assertThat(changed.match().scorePoints()).isEqualTo(5000);

        // Meanwhile W is matched with A by hand: X's draft no longer fits and stays a draft.
        as(
                tenant,
                coordinator,
                OrgRole.COORDINATOR,
                () -> matches.match(program.id(), a.enrollmentId(), w.enrollmentId()));
        var published = as(tenant, coordinator, OrgRole.COORDINATOR, () -> autoMatching.publish(program.id()));
        assertThat(published.published()).isEmpty();
        assertThat(published.left())
                .singleElement()
                .satisfies(left -> assertThat(left.reason())
                        .isEqualTo(a.account().displayName() + " has no free place: all their places are taken."));

        // With B for X instead, publishing makes it active and tells both.
        as(tenant, coordinator, OrgRole.COORDINATOR, () -> autoMatching.changeMentor(draftOfX.id(), b.enrollmentId()));
        TestMailbox.get().clear();
        var second = as(tenant, coordinator, OrgRole.COORDINATOR, () -> autoMatching.publish(program.id()));
        assertThat(second.published()).singleElement().satisfies(d -> {
            assertThat(d.match().status()).isEqualTo(MatchStatus.ACTIVE);
            assertThat(d.match().origin()).isEqualTo(MatchOrigin.BULK);
        });
        assertThat(TestMailbox.get().awaitMessageTo(x.account().email()).subject())
                .isEqualTo("You are matched with " + b.account().displayName() + " in "
                        + board.program().name());
        assertThat(TestMailbox.get().awaitMessageTo(b.account().email()).text())
                .contains(x.account().email(), "Why this match: Languages: Both chose Java");
    }

    @Test
    void manualMatchesAreRefusedWithTheReasonAndEndedMatchesBecomePastPairs() {
        var tenant = tenants.activeTenant("manual");
        var coordinator = people.member(tenant, OrgRole.COORDINATOR);
        var program = fixtures.program(tenant, MatchingMode.ADMIN, Importance.MUST, 5);
        var mentor = fixtures.mentor(program, 1, "Java");
        var goMentor = fixtures.mentor(program, 1, "Go");
        var first = fixtures.mentee(program, "Java");
        var second = fixtures.mentee(program, "Java");

        assertThatThrownBy(() -> as(
                        tenant,
                        coordinator,
                        OrgRole.COORDINATOR,
                        () -> matches.match(program.id(), goMentor.enrollmentId(), first.enrollmentId())))
                .isInstanceOf(MatchRefused.class)
                .hasMessage("This pair cannot be matched: their answers to \"Languages\" must match and do not.");
        var made = as(
                tenant,
                coordinator,
                OrgRole.COORDINATOR,
                () -> matches.match(program.id(), mentor.enrollmentId(), first.enrollmentId()));
        assertThat(made.match().origin()).isEqualTo(MatchOrigin.MANUAL);
        assertThatThrownBy(() -> as(
                        tenant,
                        coordinator,
                        OrgRole.COORDINATOR,
                        () -> matches.match(program.id(), mentor.enrollmentId(), second.enrollmentId())))
                .isInstanceOf(MatchRefused.class)
                .hasMessage(mentor.account().displayName() + " has no free place: all their places are taken.");
        assertThatThrownBy(() -> as(
                        tenant,
                        coordinator,
                        OrgRole.COORDINATOR,
                        () -> matches.match(program.id(), mentor.enrollmentId(), first.enrollmentId())))
                .isInstanceOf(MatchRefused.class)
                .hasMessage(first.account().displayName() + " already has a mentor in this program.");
        assertThatThrownBy(() -> as(
                        tenant,
                        mentor.account(),
                        OrgRole.MEMBER,
                        () -> matches.match(program.id(), mentor.enrollmentId(), second.enrollmentId())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        as(
                tenant,
                coordinator,
                OrgRole.COORDINATOR,
                () -> matches.end(made.match().id()));
        assertThatThrownBy(() -> as(
                        tenant,
                        coordinator,
                        OrgRole.COORDINATOR,
                        () -> matches.match(program.id(), mentor.enrollmentId(), first.enrollmentId())))
                .isInstanceOf(MatchRefused.class)
                .hasMessage("This pair cannot be matched: the two were matched before in this program.");
        // The ended match freed the place.
        as(
                tenant,
                coordinator,
                OrgRole.COORDINATOR,
                () -> matches.match(program.id(), mentor.enrollmentId(), second.enrollmentId()));
        TenantScope.run(
                tenant.id(),
                () -> assertThat(
                                matchRows.countByMentorEnrollmentIdAndStatus(mentor.enrollmentId(), MatchStatus.ACTIVE))
                        .isEqualTo(1));

        var selfOnly = fixtures.program(tenant, MatchingMode.SELF, Importance.VERY, 5);
        var selfMentor = fixtures.mentor(selfOnly, 1, "Java");
        var selfMentee = fixtures.mentee(selfOnly, "Java");
        assertThatThrownBy(() -> as(
                        tenant,
                        coordinator,
                        OrgRole.COORDINATOR,
                        () -> matches.match(selfOnly.id(), selfMentor.enrollmentId(), selfMentee.enrollmentId())))
                .isInstanceOf(MatchRefused.class)
                .hasMessageContaining("mentees request their mentors");
    }
}
