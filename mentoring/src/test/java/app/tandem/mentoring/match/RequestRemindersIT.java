package app.tandem.mentoring.match;

import static app.tandem.mentoring.match.MatchFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.tandem.core.tenant.Tenant;
import app.tandem.core.test.TenantFixtures;
import app.tandem.core.test.TestClock;
import app.tandem.infra.mail.ReceivedMail;
import app.tandem.infra.mail.TestMailbox;
import app.tandem.mentoring.MentoringIntegrationTest;
import app.tandem.mentoring.match.MentorshipRequests.SendRequest;
import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.program.MatchingMode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Requests do not go silent: the mentor is reminded before one lapses, the mentee told when it has, each once. */
@MentoringIntegrationTest
class RequestRemindersIT {

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MatchFixtures fixtures;

    @Autowired
    MentorshipRequests requests;

    @Autowired
    RequestReminders reminders;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theMentorIsRemindedOnceBeforeTheRequestLapsesAndTheMenteeToldOnceAfter() {
        var tenant = tenants.activeTenant("reminders");
        var program = fixtures.program(tenant, MatchingMode.SELF, Importance.VERY, 5);
        var mentor = fixtures.mentor(program, 1, "Java");
        var mentee = fixtures.mentee(program, "Java");
        var answered = fixtures.mentor(program, 1, "Java");
        // Another organization with a request that falls due at the same time.
        var elsewhere = tenants.activeTenant("reminders-other");
        var otherProgram = fixtures.program(elsewhere, MatchingMode.SELF, Importance.VERY, 5);
        var otherMentor = fixtures.mentor(otherProgram, 1, "Java");
        var otherMentee = fixtures.mentee(otherProgram, "Java");
        as(
                elsewhere,
                otherMentee.account(),
                () -> requests.send(new SendRequest(otherMentor.enrollmentId(), null, "")));
        var sent = as(tenant, mentee.account(), () -> requests.send(new SendRequest(mentor.enrollmentId(), null, "")));
        var declined =
                as(tenant, mentee.account(), () -> requests.send(new SendRequest(answered.enrollmentId(), null, "")));
        as(tenant, answered.account(), () -> requests.decline(declined.request().id(), "Not this time"));
        TestMailbox.get().awaitMessageTo(mentor.account().email());

        // Far from lapsing: nothing to say.
        reminders.run();
        assertThat(outboxed(tenant, mentor.account().email(), "%is waiting for your answer"))
                .isZero();
        // Within the last two days, two nodes run the job at once: one reminder.
        clock.advance(Duration.ofDays(13));
        CompletableFuture.allOf(CompletableFuture.runAsync(reminders::run), CompletableFuture.runAsync(reminders::run))
                .join();
        reminders.run();

        var reminder = awaitMail(mentor.account().email(), "is waiting for your answer");
        // Each organization's reminders are written in its own outbox, by the same job run.
        assertThat(outboxed(elsewhere, otherMentor.account().email(), "%is waiting for your answer"))
                .isEqualTo(1);
        assertThat(outboxed(tenant, otherMentor.account().email(), "%")).isZero();
        assertThat(reminder.text()).contains(mentee.account().displayName(), "/requests");

        clock.advance(Duration.ofDays(2));
        reminders.run();
        reminders.run();

        var lapsed = awaitMail(mentee.account().email(), "has lapsed");
        assertThat(lapsed.subject())
                .isEqualTo("Your request to " + mentor.account().displayName() + " in " + sent.programName()
                        + " has lapsed");
        assertThat(lapsed.text()).contains("/programs/" + program.id() + "/suggestions");
        // Nobody hears twice, and a declined request never lapses: the outbox holds each mail once.
        assertThat(outboxed(tenant, mentor.account().email(), "%is waiting for your answer"))
                .isEqualTo(1);
        assertThat(outboxed(tenant, mentee.account().email(), "%has lapsed")).isEqualTo(1);
        assertThat(outboxed(tenant, answered.account().email(), "%is waiting for your answer"))
                .isZero();
    }

    private int outboxed(Tenant tenant, String recipient, String subjectPattern) {
        return jdbc.sql("select count(*) from " + tenant.schemaName()
                        + ".outbox where recipient = ? and subject like ?")
                .params(recipient, subjectPattern)
                .query(Integer.class)
                .single();
    }

    private static ReceivedMail awaitMail(String to, String subject) {
        return TestMailbox.get()
                .awaitMessage(
                        mail -> mail.to().contains(to)
                                && mail.subject() != null
                                && mail.subject().contains(subject),
                        subject + " to " + to);
    }
}
