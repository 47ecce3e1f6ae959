package app.tandem.core.mail;

import app.tandem.core.CoreProperties;
import app.tandem.core.context.NoTenantInScope;
import app.tandem.core.context.TenantContext;
import app.tandem.core.context.TenantJobs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the mail waiting in the outboxes of the active tenants, every {@code tandem.core.mail.poll-interval}, on every
 * node.
 *
 * <p>For each tenant, inside its scope, a transaction claims up to {@code batch-size} due PENDING rows with
 * {@code select ... for update skip locked}, sends them one by one and marks each SENT right after the mail server
 * accepted it, then commits; this repeats until no due row is left. Rows that another node (or thread) holds are
 * skipped, never waited for, so two senders never send the same row: a row is either locked by the one sending it or
 * already SENT when the next sender reads it.
 *
 * <p>A failed send counts an attempt, records the error and postpones the row by {@code backoff}, doubled with each
 * further failure up to {@code max-backoff}; after {@code max-attempts} the row is FAILED and stays so. A failure also
 * ends the tenant's turn, so that while the mail server is down each tenant costs one attempt per poll; the rows it
 * did not reach keep their place. Nothing is lost in an outage: the rows wait in the outbox.
 *
 * <p>What remains is an at-least-once window: when a node dies (or loses its database connection) after the mail
 * server accepted a mail and before the batch's transaction commits, the rows of that batch become due again and those
 * mails are sent a second time, with the same {@code Message-ID}. A smaller batch size narrows that window; no SMTP
 * transaction can close it.
 */
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final TenantJobs jobs;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Mailer mailer;
    private final CoreProperties.Mail settings;
    private final Clock clock;
    private final Counter sent;
    private final Counter deferred;
    private final Counter failed;

    OutboxSender(
            TenantJobs jobs,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Mailer mailer,
            CoreProperties.Mail settings,
            Clock clock,
            MeterRegistry meters) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
        this.sent = outcome(meters, "sent", "accepted by the mail server");
        this.deferred = outcome(meters, "deferred", "failed, to be tried again");
        this.failed = outcome(meters, "failed", "failed for the last time");
    }

    private static Counter outcome(MeterRegistry meters, String outcome, String description) {
        return Counter.builder("tandem.mail.attempts")
                .description("Attempts to send a mail from a tenant's outbox, by outcome: " + description)
                .tag("outcome", outcome)
                .register(meters);
    }

    /** Sends the due mail of every active tenant. */
    @Scheduled(
            fixedDelayString = "${tandem.core.mail.poll-interval:5s}",
            initialDelayString = "${tandem.core.mail.poll-interval:5s}")
    void sendDueMail() {
        jobs.forEachActiveTenant("send-mail", tenant -> sendDueMailOfTenantInScope());
    }

    /**
     * Sends the due mail of the tenant in scope until none is due, a send failed or its turn is over.
     *
     * @return how many mails the mail server accepted
     * @throws NoTenantInScope when no tenant is in scope
     */
    int sendDueMailOfTenantInScope() {
        TenantContext.require();
        // A turn lasts at most one poll interval, so that a tenant with thousands of mails due (a big import) never
        // holds up the next poll, and with it every other tenant's mail; its remaining mail goes out turn by turn.
        long turnEnds = System.nanoTime() + settings.pollInterval().toNanos();
        int total = 0;
        while (true) {
            var batch = transactions.execute(tx -> sendBatch(clock.instant()));
            total += batch.sent();
            if (batch.stopped() || batch.claimed() < settings.batchSize() || System.nanoTime() > turnEnds) {
                return total;
            }
        }
    }

    private record Batch(int claimed, int sent, boolean stopped) {}

    private record Row(UUID id, String recipient, String subject, String text, String html, int attempts) {}

    private Batch sendBatch(Instant now) {
        var due = jdbc.sql("""
                        select id, recipient, subject, text_body as text, html_body as html, attempts
                        from outbox
                        where status = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at
                        limit :limit
                        for update skip locked
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", Math.max(1, settings.batchSize()))
                .query(Row.class)
                .list();
        int accepted = 0;
        for (var row : due) {
            try {
                mailer.send(row.id(), new Mail(row.recipient(), row.subject(), row.text(), row.html()));
            } catch (RuntimeException e) {
                failed(row, e, now);
                return new Batch(due.size(), accepted, true);
            }
            jdbc.sql("""
                            update outbox set status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = null
                            where id = :id
                            """)
                    .param("id", row.id())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            sent.increment();
            accepted++;
        }
        return new Batch(due.size(), accepted, false);
    }

    private void failed(Row row, RuntimeException error, Instant now) {
        int attempts = row.attempts() + 1;
        boolean givingUp = attempts >= settings.maxAttempts();
        var message = describe(error);
        jdbc.sql("""
                        update outbox set status = :status, attempts = :attempts, next_attempt_at = :next,
                            last_error = :error
                        where id = :id
                        """)
                .param("id", row.id())
                .param("status", givingUp ? "FAILED" : "PENDING")
                .param("attempts", attempts)
                .param("next", Timestamp.from(now.plus(backoff(attempts))))
                .param("error", message)
                .update();
        if (givingUp) {
            failed.increment();
            log.warn("Mail {} failed {} times and is given up: {}", row.id(), attempts, message);
        } else {
            deferred.increment();
            log.info("Mail {} failed (attempt {}), will be tried again: {}", row.id(), attempts, message);
        }
    }

    /** How long to wait after the {@code attempts}-th failure: the backoff, doubled per further failure, capped. */
    Duration backoff(int attempts) {
        var wait = settings.backoff().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    private static String describe(Throwable error) {
        var text = new StringBuilder(error.toString());
        for (var cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return text.length() <= MAX_ERROR_LENGTH ? text.toString() : text.substring(0, MAX_ERROR_LENGTH);
    }
}
