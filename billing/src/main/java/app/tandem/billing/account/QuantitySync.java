package app.tandem.billing.account;

import app.tandem.billing.BillingProperties;
import app.tandem.billing.payment.PaymentGateway;
import app.tandem.billing.payment.PaymentProviderUnavailable;
import app.tandem.billing.payment.PaymentRequestRefused;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each subscription's seat quantity equal to the ledger, through the outbox kept on the billing accounts: every
 * change of an organization's seat count is a new {@code seats_version} ({@link BillingAccounts#recordSeats}); once
 * it is due (after the debounce) the sync sends the count of the latest version, with that version in its
 * {@code Idempotency-Key}, and records the version sent. A failed send waits longer each time (doubling, up to a
 * maximum) and is tried again; nothing is lost, as the outbox is in the database, across restarts too. An enrollment
 * never waits for the provider: it only writes its ledger row.
 *
 * <p>Each account is sent under its row lock (other nodes skip it) and with the count read under that lock, so the
 * provider never receives a quantity older than one it was already sent.
 */
@Component
public class QuantitySync {

    private static final Logger log = LoggerFactory.getLogger(QuantitySync.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<PaymentGateway> gateway;
    private final BillingProperties.Sync settings;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;

    QuantitySync(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ObjectProvider<PaymentGateway> gateway,
            BillingProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.gateway = gateway;
        this.settings = properties.sync();
        this.clock = clock;
        this.sent = Counter.builder("tandem.billing.sync")
                .tag("outcome", "sent")
                .description("Seat quantities sent to the payment provider")
                .register(meters);
        this.failed = Counter.builder("tandem.billing.sync")
                .tag("outcome", "failed")
                .description("Seat quantities the payment provider did not take; they are tried again")
                .register(meters);
        Gauge.builder("tandem.billing.sync.pending", this, QuantitySync::pending)
                .description("Subscriptions whose seat quantity waits to be sent")
                .register(meters);
        Gauge.builder("tandem.billing.sync.oldest", this, QuantitySync::oldestSeconds)
                .description("Seconds since the oldest seat count still to be sent was counted")
                .baseUnit("seconds")
                .register(meters);
    }

    /** Sends every quantity that is due, with the configured number of workers. */
    @Scheduled(
            fixedDelayString = "${tandem.billing.sync.interval:10s}",
            initialDelayString = "${tandem.billing.sync.interval:10s}")
    public void run() {
        sendDue();
    }

    /**
     * Sends every quantity due now and returns when none is left.
     *
     * @return how many accounts were worked on (sent, or failed and rescheduled)
     */
    public int sendDue() {
        // Most runs find nothing due: workers are started only once the first account was sent.
        if (gateway.getIfAvailable() == null || !sendOne()) {
            return 0;
        }
        var done = new AtomicInteger(1);
        int workers = Math.max(1, settings.workers());
        var executor = Executors.newFixedThreadPool(workers, runnable -> {
            var thread = new Thread(runnable, "billing-sync");
            thread.setDaemon(true);
            return thread;
        });
        try {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < workers; i++) {
                futures.add(executor.submit(() -> {
                    while (sendOne()) {
                        done.incrementAndGet();
                    }
                }));
            }
            for (var future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("The seat quantity sync stopped: {}", e.getCause().toString());
        } finally {
            executor.shutdownNow();
        }
        return done.get();
    }

    /** Claims one due account, sends its count and records the outcome, in one transaction; false when none is due. */
    boolean sendOne() {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            var now = clock.instant();
            var due = jdbc.sql("""
                            select tenant_id, stripe_item_id, seats, seats_version, sync_attempts
                            from platform.billing_accounts
                            where sync_due_at <= :now and stripe_item_id is not null
                            order by sync_due_at
                            limit 1
                            for update skip locked
                            """)
                    .param("now", Timestamp.from(now))
                    .query((rs, row) -> new Due(
                            rs.getObject("tenant_id", UUID.class),
                            rs.getString("stripe_item_id"),
                            rs.getInt("seats"),
                            rs.getLong("seats_version"),
                            rs.getInt("sync_attempts")))
                    .optional()
                    .orElse(null);
            if (due == null) {
                return false;
            }
            try {
                gateway.getObject()
                        .changeQuantity(due.itemId(), due.seats(), "seats-" + due.tenant() + "-v" + due.version());
            } catch (PaymentProviderUnavailable | PaymentRequestRefused e) {
                var wait = backoff(due.attempts());
                log.warn(
                        "The seat quantity {} of tenant {} was not taken (attempt {}), trying again in {}: {}",
                        due.seats(),
                        due.tenant(),
                        due.attempts() + 1,
                        wait,
                        e.getMessage());
                jdbc.sql("""
                                update platform.billing_accounts
                                set sync_attempts = sync_attempts + 1, sync_due_at = :next, sync_error = :error
                                where tenant_id = :tenant
                                """)
                        .param("next", Timestamp.from(now.plus(wait)))
                        .param("error", abbreviate(e.getMessage()))
                        .param("tenant", due.tenant())
                        .update();
                failed.increment();
                return true;
            }
            jdbc.sql("""
                            update platform.billing_accounts
                            set synced_version = :version, synced_quantity = :seats, sync_due_at = null,
                                sync_attempts = 0, sync_error = null
                            where tenant_id = :tenant
                            """)
                    .param("version", due.version())
                    .param("seats", due.seats())
                    .param("tenant", due.tenant())
                    .update();
            sent.increment();
            return true;
        }));
    }

    private Duration backoff(int attempts) {
        var wait = settings.firstRetry().multipliedBy(1L << Math.min(attempts, 20));
        return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
    }

    private static String abbreviate(String message) {
        if (message == null) {
            return null;
        }
        return message.length() <= 500 ? message : message.substring(0, 497) + "...";
    }

    private double pending() {
        return jdbc.sql("select count(*) from platform.billing_accounts where sync_due_at is not null")
                .query(Long.class)
                .single();
    }

    private double oldestSeconds() {
        return jdbc.sql("""
                        select coalesce(extract(epoch from (now() - min(seats_counted_at))), 0)
                        from platform.billing_accounts
                        where sync_due_at is not null
                        """).query(Double.class).single();
    }

    private record Due(UUID tenant, String itemId, int seats, long version, int attempts) {}
}
