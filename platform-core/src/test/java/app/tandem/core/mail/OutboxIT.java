package app.tandem.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.tandem.core.context.NoTenantInScope;
import app.tandem.core.context.TenantContext;
import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.test.IntegrationTest;
import app.tandem.core.test.TenantFixtures;
import app.tandem.core.test.TestClock;
import app.tandem.infra.mail.TestMailbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against real PostgreSQL and a real SMTP server (GreenMail), with the sender polling every 100 ms. */
@IntegrationTest
@Import(OutboxIT.Support.class)
@TestPropertySource(
        properties = {
            "tandem.core.mail.poll-interval=100ms",
            "tandem.core.mail.batch-size=3",
            "tandem.core.mail.max-attempts=3",
            "tandem.core.mail.backoff=1m",
            "tandem.core.mail.max-backoff=2m"
        })
class OutboxIT {

    private static final Duration PAST_ANY_BACKOFF = Duration.ofMinutes(3);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestMailbox.get().asProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    TenantFixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    MailTemplates templates;

    @Autowired
    OutboxSender sender;

    @Autowired
    ObservedMailer mailer;

    @Autowired
    TestClock clock;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    final TestMailbox mailbox = TestMailbox.get();

    Tenant alpha;
    Tenant beta;

    @BeforeEach
    void twoTenants() {
        alpha = fixtures.activeTenant("mail-alpha");
        beta = fixtures.activeTenant("mail-beta");
    }

    @Test
    void aMailOfARolledBackTransactionIsNeverSentAndOneThatCommitsIsSentOnceWithTheTenantsName() {
        var rolledBack = "rolled-back@" + alpha.slug() + ".test";
        var committed = "committed@" + alpha.slug() + ".test";

        assertThatThrownBy(() -> TenantScope.run(
                        alpha.id(),
                        () -> transactions.executeWithoutResult(tx -> {
                            outbox.enqueue(Mail.of(rolledBack, "Never sent", "This change rolls back."));
                            throw new IllegalStateException("the change failed");
                        })))
                .hasMessage("the change failed");
        var id = TenantScope.get(
                alpha.id(),
                () -> transactions.execute(tx -> outbox.enqueue(templates
                        .render("coretest/mail/greeting", Map.of("name", "Ann"))
                        .to(committed))));

        await().until(() -> "SENT".equals(row(alpha, committed).status()));

        var received = mailbox.messagesTo(committed);
        assertThat(received).hasSize(1);
        var mail = received.get(0);
        assertThat(mail.messageId()).isEqualTo("<" + id + "@tandem.localhost>");
        assertThat(mail.from()).isEqualTo("Tandem <no-reply@tandem.localhost>");
        assertThat(mail.subject()).isEqualTo("Welcome to " + alpha.displayName() + ", Ann");
        assertThat(mail.text())
                .startsWith("Hello Ann,")
                .contains(alpha.displayName() + " invites you to its mentoring programs: https://"
                        + fixtures.hostOf(alpha) + "/welcome");
        assertThat(mail.html())
                .contains("<a href=\"https://" + fixtures.hostOf(alpha) + "/welcome\">" + alpha.displayName() + "</a>");
        assertThat(row(alpha, committed).attempts()).isEqualTo(1);
        assertThat(rowCount(alpha, rolledBack)).isZero();
        assertThat(mailbox.messagesTo(rolledBack)).isEmpty();
    }

    @Test
    void aTemplateWithoutHtmlMakesATextOnlyMail() {
        var content = TenantScope.get(alpha.id(), () -> templates.render("coretest/mail/plain", Map.of("name", "Bo")));

        assertThat(content.subject()).isEqualTo("A note from " + alpha.displayName());
        assertThat(content.text()).isEqualTo("Just text, Bo.\n");
        assertThat(content.html()).isNull();
    }

    @Test
    void anSmtpOutageLosesNothingAndOnceTheServerIsBackEveryMailIsDeliveredExactlyOnce() throws Exception {
        var recipients = new ArrayList<String>();
        mailbox.stopListening();
        try {
            for (var tenant : List.of(alpha, beta)) {
                for (int i = 1; i <= 7; i++) {
                    var to = "outage-" + i + "@" + tenant.slug() + ".test";
                    recipients.add(to);
                    TenantScope.run(tenant.id(), () -> outbox.enqueue(Mail.of(to, "During the outage", "Hello " + to)));
                }
            }

            // Each tenant's turn ends at its first failure, so every poll tries one more row of each tenant.
            await().untilAsserted(() -> {
                for (var tenant : List.of(alpha, beta)) {
                    assertThat(rows(tenant)).hasSize(7).allSatisfy(row -> {
                        assertThat(row.status()).isEqualTo("PENDING");
                        assertThat(row.attempts()).isPositive();
                        assertThat(row.lastError()).contains("Mail server connection failed");
                    });
                }
            });
        } finally {
            mailbox.startListening();
        }
        clock.advance(PAST_ANY_BACKOFF);

        // Two more senders, as on two more nodes, race the scheduled one for the same rows.
        var done = new AtomicBoolean();
        var nodes = Executors.newFixedThreadPool(2);
        try {
            var racing = new ArrayList<Future<?>>();
            for (int node = 0; node < 2; node++) {
                racing.add(nodes.submit(() -> {
                    while (!done.get()) {
                        sender.sendDueMail();
                    }
                }));
            }
            await().until(() ->
                    rows(alpha).stream().allMatch(row -> row.status().equals("SENT"))
                            && rows(beta).stream().allMatch(row -> row.status().equals("SENT")));
            done.set(true);
            for (var node : racing) {
                node.get();
            }
        } finally {
            done.set(true);
            nodes.shutdown();
        }

        for (var to : recipients) {
            assertThat(mailbox.messagesTo(to)).as("messages to %s", to).hasSize(1);
        }
    }

    @Test
    void aMailThatKeepsFailingIsGivenUpAsFailedWithItsError() {
        var to = "nobody@refused.test";
        var failedBefore =
                meters.counter("tandem.mail.attempts", "outcome", "failed").count();
        TenantScope.run(alpha.id(), () -> outbox.enqueue(Mail.of(to, "Refused", "The server refuses this recipient.")));

        // Each look moves the clock past the backoff, so that the sender tries again at its next poll.
        await().until(() -> {
            clock.advance(PAST_ANY_BACKOFF);
            return "FAILED".equals(row(alpha, to).status());
        });

        var row = row(alpha, to);
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(row.lastError()).contains("550 5.1.1 mailbox unavailable");
        assertThat(mailer.attemptsTo(to)).isEqualTo(3);
        assertThat(meters.counter("tandem.mail.attempts", "outcome", "failed").count())
                .isEqualTo(failedBefore + 1);
        // Given up means given up: the sender never tries it again.
        clock.advance(PAST_ANY_BACKOFF);
        TenantScope.run(alpha.id(), () -> sender.sendDueMailOfTenantInScope());
        assertThat(mailer.attemptsTo(to)).isEqualTo(3);
    }

    @Test
    void theSenderReadsEachTenantsOutboxOnlyInsideThatTenantsScope() {
        var toAlpha = "isolated@" + alpha.slug() + ".test";
        var toBeta = "isolated@" + beta.slug() + ".test";
        var alphaMail = TenantScope.get(alpha.id(), () -> outbox.enqueue(Mail.of(toAlpha, "For alpha", "Alpha only")));
        var betaMail = TenantScope.get(beta.id(), () -> outbox.enqueue(Mail.of(toBeta, "For beta", "Beta only")));

        mailbox.awaitMessageTo(toAlpha);
        mailbox.awaitMessageTo(toBeta);

        assertThat(mailer.tenantThatSent(alphaMail)).isEqualTo(alpha.id());
        assertThat(mailer.tenantThatSent(betaMail)).isEqualTo(beta.id());
        assertThat(rowCount(alpha, toBeta)).isZero();
        assertThat(rowCount(beta, toAlpha)).isZero();
        assertThatThrownBy(() -> sender.sendDueMailOfTenantInScope()).isInstanceOf(NoTenantInScope.class);
    }

    @Test
    void mailNeedsATenantInScope() {
        assertThatThrownBy(() -> outbox.enqueue(Mail.of("someone@example.test", "Hi", "No tenant")))
                .isInstanceOf(NoTenantInScope.class);
        assertThatThrownBy(() -> templates.render("coretest/mail/plain", Map.of("name", "Bo")))
                .isInstanceOf(NoTenantInScope.class);
    }

    @Test
    void aMailIsNeverStoredInAnotherTenantsOutboxThanTheOneInScope() {
        var to = "crossed@" + beta.slug() + ".test";

        // A transaction begun for alpha works in alpha's schema, whatever scope is opened inside it.
        assertThatThrownBy(() -> TenantScope.run(
                        alpha.id(),
                        () -> transactions.executeWithoutResult(tx -> TenantScope.run(
                                beta.id(), () -> outbox.enqueue(Mail.of(to, "Crossed", "Which outbox?"))))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not in that of tenant " + beta.id());

        assertThat(rowCount(alpha, to)).isZero();
        assertThat(rowCount(beta, to)).isZero();
    }

    record Row(String status, int attempts, String lastError) {}

    private Row row(Tenant tenant, String recipient) {
        return jdbc.sql("select status, attempts, last_error from " + tenant.schemaName()
                        + ".outbox where recipient = ?")
                .param(recipient)
                .query(Row.class)
                .single();
    }

    private List<Row> rows(Tenant tenant) {
        return jdbc.sql("select status, attempts, last_error from " + tenant.schemaName() + ".outbox")
                .query(Row.class)
                .list();
    }

    private long rowCount(Tenant tenant, String recipient) {
        return jdbc.sql("select count(*) from " + tenant.schemaName() + ".outbox where recipient = ?")
                .param(recipient)
                .query(Long.class)
                .single();
    }

    /**
     * The real SMTP mailer, watched: it notes which tenant was in scope for each mail it sends, and it stands in for a
     * server that refuses every recipient at {@code refused.test} (GreenMail accepts everyone).
     */
    static class ObservedMailer implements Mailer {

        private final SmtpMailer smtp;
        private final Map<UUID, TenantId> tenants = new ConcurrentHashMap<>();
        private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

        ObservedMailer(SmtpMailer smtp) {
            this.smtp = smtp;
        }

        @Override
        public void send(UUID id, Mail mail) {
            tenants.put(id, TenantContext.require());
            attempts.merge(mail.to(), 1, Integer::sum);
            if (mail.to().endsWith("@refused.test")) {
                throw new MailSendException("550 5.1.1 mailbox unavailable: " + mail.to());
            }
            smtp.send(id, mail);
        }

        TenantId tenantThatSent(UUID mail) {
            return tenants.get(mail);
        }

        int attemptsTo(String recipient) {
            return attempts.getOrDefault(recipient, 0);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Support {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }

        @Bean
        @Primary
        ObservedMailer observedMailer(SmtpMailer smtp) {
            return new ObservedMailer(smtp);
        }
    }
}
