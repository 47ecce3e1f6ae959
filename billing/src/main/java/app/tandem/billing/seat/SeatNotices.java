package app.tandem.billing.seat;

import app.tandem.billing.BillingProperties;
import app.tandem.billing.account.Limits;
import app.tandem.core.mail.MailTemplates;
import app.tandem.core.mail.Outbox;
import app.tandem.identity.member.Members;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the org admins, by email, when the organization's seats reach a share of its limit (80 % and 100 % by
 * default): each share of a given limit once, recorded in {@code seat_notices} in the transaction that reached it, so
 * the notice is sent exactly when that transaction commits. The billing page shows the same as a banner while it holds.
 */
@Component
class SeatNotices {

    private final JdbcClient jdbc;
    private final Members members;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final int[] thresholds;
    private final Clock clock;

    SeatNotices(
            JdbcClient jdbc,
            Members members,
            MailTemplates templates,
            Outbox outbox,
            BillingProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.templates = templates;
        this.outbox = outbox;
        this.thresholds =
                Arrays.stream(properties.notices().thresholds()).sorted().toArray();
        this.clock = clock;
    }

    /** The organization holds {@code seats} now, under {@code limits}: sends the notices this newly reaches. */
    void reached(int seats, Limits limits) {
        var limit = limits.seatLimit();
        if (limit == null || limit == 0) {
            return;
        }
        int reached = -1;
        for (int threshold : thresholds) {
            if (seats * 100L >= (long) threshold * limit) {
                reached = threshold;
            }
        }
        if (reached < 0) {
            return;
        }
        int recorded = jdbc.sql("""
                        insert into seat_notices (threshold, seat_limit, seats, sent_at)
                        values (:threshold, :limit, :seats, :at)
                        on conflict do nothing
                        """)
                .param("threshold", reached)
                .param("limit", limit)
                .param("seats", seats)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        if (recorded == 0) {
            return;
        }
        var mail = templates.render(
                "billing/mail/seats-running-out",
                Map.of(
                        "seats",
                        seats,
                        "limit",
                        limit,
                        "percent",
                        seats * 100L / limit,
                        "full",
                        seats >= limit,
                        "plan",
                        limits.plan().name()));
        members.orgAdminEmails().forEach(email -> outbox.enqueue(mail.to(email)));
    }
}
