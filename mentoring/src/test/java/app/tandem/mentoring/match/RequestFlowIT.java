package app.tandem.mentoring.match;

import static app.tandem.mentoring.match.MatchFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tandem.core.context.TenantScope;
import app.tandem.core.test.TenantFixtures;
import app.tandem.core.test.TestClock;
import app.tandem.infra.mail.TestMailbox;
import app.tandem.mentoring.MentoringIntegrationTest;
import app.tandem.mentoring.enrollment.EnrollmentRepository;
import app.tandem.mentoring.enrollment.EnrollmentWithdrawn;
import app.tandem.mentoring.match.MentorshipRequests.SendRequest;
import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.program.MatchingMode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Requests from mentees to mentors on real PostgreSQL: the rules, the emails, expiry, and capacity under races. */
@MentoringIntegrationTest
class RequestFlowIT {

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MatchFixtures fixtures;

    @Autowired
    MentorshipRequests requests;

    @Autowired
    MentorSuggestions suggestions;

    @Autowired
    MatchRepository matches;

    @Autowired
    MentorshipRequestRepository requestRows;

    @Autowired
    EnrollmentRepository enrollments;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aMenteeAsksAMentorAcceptsAndEachStepEmailsTheOtherPerson() {
        var tenant = tenants.activeTenant("req-flow");
        var program = fixtures.program(tenant, MatchingMode.SELF, Importance.VERY, 5);
        var mentor = fixtures.mentor(program, 1, "Java", "Go");
        var other = fixtures.mentor(program, 1, "Java");
        var mentee = fixtures.mentee(program, "Java", "Go");

        var offered = as(tenant, mentee.account(), () -> suggestions.forMe(program.id(), 5));
        assertThat(offered.suggestions())
                .extracting(Matches.Fit::mentorEnrollmentId)
                .containsExactly(mentor.enrollmentId(), other.enrollmentId());
        assertThat(offered.suggestions().get(0).score()).isEqualTo(100.0);
        assertThat(offered.suggestions().get(0).reasons())
                .containsExactly("Languages: You both chose Java, Go — counted Very important (5)");

        var sent = as(
                tenant,
                mentee.account(),
                () -> requests.send(
                        new SendRequest(mentor.enrollmentId(), null, "I would love to learn Go from you.")));
        as(tenant, mentee.account(), () -> requests.send(new SendRequest(other.enrollmentId(), null, "")));
        var mail = TestMailbox.get().awaitMessageTo(mentor.account().email());
        assertThat(mail.subject())
                .isEqualTo(mentee.account().displayName() + " asks you to be their mentor in " + sent.programName());
        assertThat(mail.text()).contains("I would love to learn Go from you.", "/requests");
        // Mentors already asked are not suggested again.
        assertThat(as(tenant, mentee.account(), () -> suggestions.forMe(program.id(), 5))
                        .suggestions())
                .isEmpty();

        var madeBefore = madeFromRequests();
        var accepted = as(
                tenant, mentor.account(), () -> requests.accept(sent.request().id(), "Welcome aboard"));
        assertThat(accepted.state()).isEqualTo("ACCEPTED");
        assertThat(madeFromRequests()).isEqualTo(madeBefore + 1);
        var answer = TestMailbox.get().awaitMessageTo(mentee.account().email());
        assertThat(answer.subject())
                .isEqualTo(mentor.account().displayName() + " is your mentor in " + sent.programName());
        assertThat(answer.text()).contains("Welcome aboard", "/requests");
        TenantScope.run(tenant.id(), () -> {
            var active = matches.findByMenteeEnrollmentIdAndStatus(mentee.enrollmentId(), MatchStatus.ACTIVE);
            assertThat(active).singleElement().satisfies(match -> {
                assertThat(match.mentorEnrollmentId()).isEqualTo(mentor.enrollmentId());
                assertThat(match.origin()).isEqualTo(MatchOrigin.REQUEST);
                assertThat(match.scorePoints()).isEqualTo(10_000);
            });
            // The mentee's other open request is cancelled.
            assertThat(requestRows.findByMenteeEnrollmentIdAndStatus(mentee.enrollmentId(), RequestStatus.CANCELLED))
                    .singleElement()
                    .extracting(MentorshipRequest::mentorEnrollmentId)
                    .isEqualTo(other.enrollmentId());
        });
        // ...and its mentor is told there is nothing left to do.
        var closed = TestMailbox.get()
                .awaitMessage(
                        received -> received.to().contains(other.account().email())
                                && received.subject().endsWith("is closed"),
                        "request closed to the other mentor");
        assertThat(closed.text()).contains(mentee.account().displayName() + " has a mentor in");
        var inbox = as(tenant, mentee.account(), () -> requests.inbox());
        assertThat(inbox.sent())
                .extracting(MentorshipRequests.RequestDetails::state)
                .containsExactlyInAnyOrder("ACCEPTED", "CANCELLED");
    }

    @Test
    void declineAndWithdrawEmailTheOtherPersonAndOnlyTheirOwnersMayDoThem() {
        var tenant = tenants.activeTenant("req-decline");
        var program = fixtures.program(tenant, MatchingMode.BOTH, Importance.VERY, 5);
        var mentor = fixtures.mentor(program, 2, "Java");
        var second = fixtures.mentor(program, 2, "Java");
        var mentee = fixtures.mentee(program, "Java");
        var stranger = fixtures.mentee(program, "Java");

        var first = as(tenant, mentee.account(), () -> requests.send(new SendRequest(mentor.enrollmentId(), null, "")));
        assertThatThrownBy(() -> as(
                        tenant,
                        stranger.account(),
                        () -> requests.accept(first.request().id(), "")))
                .isInstanceOf(MatchRefused.class)
                .hasMessage("This request is not yours.");
        assertThatThrownBy(() -> as(
                        tenant,
                        stranger.account(),
                        () -> requests.send(
                                new SendRequest(mentor.enrollmentId(), mentee.enrollmentId(), "on their behalf"))))
                .isInstanceOf(MatchRefused.class)
                .hasMessage("This mentee enrollment is not yours.");
        assertThatThrownBy(() -> as(
                        tenant,
                        mentee.account(),
                        () -> requests.send(new SendRequest(mentor.enrollmentId(), null, "again"))))
                .isInstanceOf(MatchRefused.class)
                .hasMessageContaining("You asked " + mentor.account().displayName() + " already");
        assertThatThrownBy(() -> as(
                        tenant,
                        mentee.account(),
                        () -> requests.send(new SendRequest(second.enrollmentId(), null, "x".repeat(2001)))))
                .isInstanceOf(MatchRefused.class)
                .hasMessage("A message is at most 2000 characters long; yours has 2001.");

        as(tenant, mentor.account(), () -> requests.decline(first.request().id(), "I am full this term."));
        var declined = TestMailbox.get().awaitMessageTo(mentee.account().email());
        assertThat(declined.subject()).contains("declined your request");
        assertThat(declined.text()).contains("I am full this term.");

        var toSecond =
                as(tenant, mentee.account(), () -> requests.send(new SendRequest(second.enrollmentId(), null, "")));
        TestMailbox.get().awaitMessageTo(second.account().email());
        TestMailbox.get().clear();
        as(tenant, mentee.account(), () -> requests.withdraw(toSecond.request().id()));
        assertThat(TestMailbox.get().awaitMessageTo(second.account().email()).subject())
                .contains("withdrew");
        assertThatThrownBy(() -> as(
                        tenant,
                        second.account(),
                        () -> requests.accept(toSecond.request().id(), "")))
                .isInstanceOf(MatchRefused.class)
                .hasMessage("This request is withdrawn and cannot be answered any more.");
    }

    @Test
    void theCapOfOpenRequestsHoldsAndExpiredRequestsNoLongerCount() {
        var tenant = tenants.activeTenant("req-cap");
        var program = fixtures.program(tenant, MatchingMode.SELF, Importance.VERY, 2);
        var a = fixtures.mentor(program, 1, "Java");
        var b = fixtures.mentor(program, 1, "Java");
        var c = fixtures.mentor(program, 1, "Java");
        var mentee = fixtures.mentee(program, "Java");

        var first = as(tenant, mentee.account(), () -> requests.send(new SendRequest(a.enrollmentId(), null, "")));
        as(tenant, mentee.account(), () -> requests.send(new SendRequest(b.enrollmentId(), null, "")));
        assertThatThrownBy(() ->
                        as(tenant, mentee.account(), () -> requests.send(new SendRequest(c.enrollmentId(), null, ""))))
                .isInstanceOf(MatchRefused.class)
                .hasMessageStartingWith("You have 2 open requests, the most this program allows.");

        clock.advance(Duration.ofDays(15));
        var expired =
                as(tenant, mentee.account(), () -> requests.get(first.request().id()));
        assertThat(expired.state()).isEqualTo("EXPIRED");
        assertThatThrownBy(() -> as(
                        tenant,
                        a.account(),
                        () -> requests.accept(first.request().id(), "")))
                .isInstanceOf(MatchRefused.class)
                .hasMessage("This request is expired and cannot be answered any more.");
        // Both expired: the mentee may ask again, the same mentor included.
        as(tenant, mentee.account(), () -> requests.send(new SendRequest(c.enrollmentId(), null, "")));
        var again = as(tenant, mentee.account(), () -> requests.send(new SendRequest(a.enrollmentId(), null, "")));
        assertThat(again.state()).isEqualTo("PENDING");
        assertThat(as(
                                tenant,
                                mentee.account(),
                                () -> requests.get(first.request().id()))
                        .state())
                .isEqualTo("CANCELLED");
    }

    @Test
    void requestsToFullPausedOrFilteredMentorsAreRefusedWithTheReason() {
        var tenant = tenants.activeTenant("req-refused");
        var program = fixtures.program(tenant, MatchingMode.SELF, Importance.MUST, 5);
        var goOnly = fixtures.mentor(program, 1, "Go");
        var full = fixtures.mentor(program, 1, "Java");
        var paused = fixtures.mentor(program, 1, "Java");
        var mentee = fixtures.mentee(program, "Java");
        var earlier = fixtures.mentee(program, "Java");
        TenantScope.run(
                tenant.id(),
                () -> transactions.executeWithoutResult(status -> {
                    enrollments.findById(paused.enrollmentId()).orElseThrow().pause(Instant.now());
                    matches.save(Match.active(
                            program.id(),
                            full.enrollmentId(),
                            earlier.enrollmentId(),
                            MatchOrigin.MANUAL,
                            null,
                            10_000,
                            "",
                            "test",
                            Instant.now()));
                }));

        assertThatThrownBy(() -> as(
                        tenant,
                        mentee.account(),
                        () -> requests.send(new SendRequest(goOnly.enrollmentId(), null, ""))))
                .isInstanceOf(MatchRefused.class)
                .hasMessage("This pair cannot be matched: their answers to \"Languages\" must match and do not.");
        assertThatThrownBy(() -> as(
                        tenant, mentee.account(), () -> requests.send(new SendRequest(full.enrollmentId(), null, ""))))
                .isInstanceOf(MatchRefused.class)
                .hasMessage(full.account().displayName() + " has no free place: all their places are taken.");
        assertThatThrownBy(() -> as(
                        tenant,
                        mentee.account(),
                        () -> requests.send(new SendRequest(paused.enrollmentId(), null, ""))))
                .isInstanceOf(MatchRefused.class)
                .hasMessage(paused.account().displayName() + " is paused in this program and cannot be matched now.");
        assertThatThrownBy(() -> as(
                        tenant,
                        earlier.account(),
                        () -> requests.send(new SendRequest(paused.enrollmentId(), null, ""))))
                .isInstanceOf(MatchRefused.class)
                .hasMessageContaining("paused");
        var adminOnly = fixtures.program(tenant, MatchingMode.ADMIN, Importance.VERY, 5);
        var adminMentor = fixtures.mentor(adminOnly, 1, "Java");
        fixtures.mentee(adminOnly, "Java");
        assertThatThrownBy(() -> as(
                        tenant,
                        mentee.account(),
                        () -> requests.send(new SendRequest(adminMentor.enrollmentId(), null, ""))))
                .isInstanceOf(MatchRefused.class)
                .hasMessageContaining("coordinators make the matches");
        TenantScope.run(
                tenant.id(),
                () -> assertThat(requestRows.findByProgramIdAndStatus(program.id(), RequestStatus.PENDING))
                        .isEmpty());
    }

    @Test
    void concurrentAcceptsNeverExceedTheMentorsPlaces() throws Exception {
        var tenant = tenants.activeTenant("req-race");
        var program = fixtures.program(tenant, MatchingMode.SELF, Importance.VERY, 5);
        var mentor = fixtures.mentor(program, 3, "Java");
        var sent = new ArrayList<MentorshipRequests.RequestDetails>();
        for (int i = 0; i < 10; i++) {
            var mentee = fixtures.mentee(program, "Java");
            sent.add(as(
                    tenant, mentee.account(), () -> requests.send(new SendRequest(mentor.enrollmentId(), null, ""))));
        }
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(sent.size());
        var outcomes = new ArrayList<java.util.concurrent.Future<String>>();
        try {
            for (var request : sent) {
                Callable<String> accept = () -> {
                    start.await();
                    try {
                        as(
                                tenant,
                                mentor.account(),
                                () -> requests.accept(request.request().id(), ""));
                        return "accepted";
                    } catch (MatchRefused refused) {
                        return refused.code();
                    }
                };
                outcomes.add(pool.submit(accept));
            }
            start.countDown();
            var results = new ArrayList<String>();
            for (var outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn("accepted"::equals).hasSize(3);
            assertThat(results)
                    .filteredOn(r -> !r.equals("accepted"))
                    .hasSize(7)
                    .containsOnly("no-free-place");
        } finally {
            pool.shutdownNow();
        }
        TenantScope.run(
                tenant.id(),
                () -> assertThat(matches.countByMentorEnrollmentIdAndStatus(mentor.enrollmentId(), MatchStatus.ACTIVE))
                        .isEqualTo(3));
    }

    @Test
    void withdrawingFromTheProgramCancelsPendingRequestsDropsDraftsAndEndsActiveMatches() {
        var tenant = tenants.activeTenant("req-withdraw");
        var program = fixtures.program(tenant, MatchingMode.BOTH, Importance.VERY, 5);
        var mentor = fixtures.mentor(program, 2, "Java");
        var mentee = fixtures.mentee(program, "Java");
        var other = fixtures.mentee(program, "Java");
        var matched = fixtures.mentee(program, "Java");
        var sent = as(tenant, mentee.account(), () -> requests.send(new SendRequest(mentor.enrollmentId(), null, "")));
        var active = TenantScope.get(
                tenant.id(),
                () -> matches.save(Match.active(
                        program.id(),
                        mentor.enrollmentId(),
                        matched.enrollmentId(),
                        MatchOrigin.MANUAL,
                        null,
                        8000,
                        "",
                        "test",
                        Instant.now())));
        TenantScope.run(
                tenant.id(),
                () -> matches.save(Match.draft(
                        program.id(),
                        mentor.enrollmentId(),
                        other.enrollmentId(),
                        null,
                        5000,
                        "",
                        "test",
                        Instant.now())));

        TenantScope.run(
                tenant.id(),
                () -> transactions.executeWithoutResult(status -> {
                    var enrollment = enrollments.findById(mentor.enrollmentId()).orElseThrow();
                    enrollment.withdraw(Instant.now());
                    events.publishEvent(new EnrollmentWithdrawn(
                            tenant.id(),
                            enrollment.id(),
                            program.id(),
                            enrollment.memberId(),
                            enrollment.role(),
                            EnrollmentWithdrawn.Reason.WITHDRAWN,
                            Instant.now()));
                }));

        TenantScope.run(tenant.id(), () -> {
            assertThat(requestRows.findById(sent.request().id()).orElseThrow().status())
                    .isEqualTo(RequestStatus.CANCELLED);
            assertThat(matches.findByMentorEnrollmentIdAndStatus(mentor.enrollmentId(), MatchStatus.DRAFT))
                    .isEmpty();
            assertThat(matches.findById(active.id()).orElseThrow().status()).isEqualTo(MatchStatus.ENDED);
        });
        var ended = TestMailbox.get().awaitMessageTo(matched.account().email());
        assertThat(ended.subject())
                .startsWith("Your match with " + mentor.account().displayName());
        assertThat(ended.text()).contains(mentor.account().displayName() + " left the program");
    }

    private double madeFromRequests() {
        return meters.get("tandem.matches.made")
                .tag("origin", "request")
                .counter()
                .count();
    }
}
