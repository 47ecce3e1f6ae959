package app.tandem.billing.seat;

import app.tandem.billing.account.BillingAccounts;
import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.TenantId;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the platform's count of each organization's seats (the operators' fleet view, and the quantity outbox that
 * follows it to the subscription) in step with the organization's ledger. A seat change marks its organization in
 * {@code platform.billing_seat_changes} inside its own transaction, unless it is marked already: nothing is lost
 * across a crash, and a burst of changes writes one row. This job, on every node every
 * {@code tandem.billing.seats.count-interval} (2 seconds by default), takes each mark out and, in the same
 * transaction, recounts the organization from its ledger and records the count. A change that commits meanwhile
 * waits for that transaction and marks the organization again; a node that finds the mark taken by another counts
 * nothing; a crash rolls the mark back.
 */
@Component
class SeatCounts {

    private static final Logger log = LoggerFactory.getLogger(SeatCounts.class);

    /** The most organizations one pass counts; the rest wait for the next. */
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final SeatLedger ledger;
    private final BillingAccounts accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SeatCounts(
            JdbcClient jdbc,
            SeatLedger ledger,
            BillingAccounts accounts,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Records the count of every organization marked, oldest change first; returns how many were counted. */
    @Scheduled(
            fixedDelayString = "${tandem.billing.seats.count-interval:2s}",
            initialDelayString = "${tandem.billing.seats.count-interval:2s}")
    int countMarked() {
        var marked = jdbc.sql("""
                        select m.tenant_id from platform.billing_seat_changes m
                        join platform.tenants t on t.id = m.tenant_id
                        where t.status <> 'DELETED'
                        order by m.changed_at limit ?
                        """)
                .param(BATCH)
                .query((row, n) -> new TenantId(row.getObject(1, UUID.class)))
                .list();
        int counted = 0;
        for (var tenant : marked) {
            try {
                var done = TenantScope.get(
                        tenant,
                        () -> transactions.execute(tx -> {
                            if (jdbc.sql("delete from platform.billing_seat_changes where tenant_id = ?")
                                            .param(tenant.value())
                                            .update()
                                    == 0) {
                                return false;
                            }
                            accounts.recordSeats(tenant, ledger.total(), clock.instant());
                            return true;
                        }));
                if (Boolean.TRUE.equals(done)) {
                    counted++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not count the seats of tenant {}; trying again on the next pass", tenant, e);
            }
        }
        return counted;
    }
}
