package app.tandem.billing.web;

import app.tandem.billing.BillingProperties;
import app.tandem.billing.account.BillingAccounts;
import app.tandem.billing.account.BillingOverview;
import app.tandem.billing.seat.SeatLedger;
import app.tandem.billing.seat.SeatUsage;
import app.tandem.core.context.TenantContext;
import app.tandem.core.organization.Organizations;
import app.tandem.mentoring.ProgramCatalog;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Puts together what the billing page and API show, for the organization in scope. */
@Component
class BillingReports {

    private final BillingAccounts accounts;
    private final SeatLedger ledger;
    private final SeatUsage usage;
    private final ProgramCatalog programs;
    private final Organizations organizations;
    private final BillingProperties properties;
    private final Clock clock;

    BillingReports(
            BillingAccounts accounts,
            SeatLedger ledger,
            SeatUsage usage,
            ProgramCatalog programs,
            Organizations organizations,
            BillingProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.usage = usage;
        this.programs = programs;
        this.organizations = organizations;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    BillingSummary summary() {
        var tenant = TenantContext.require();
        var account = accounts.overview(tenant);
        var seats = usage.perProgram();
        var names = programs.names(seats.keySet());
        var perProgram = seats.entrySet().stream()
                .map(entry -> new BillingSummary.ProgramSeats(
                        entry.getKey(), names.getOrDefault(entry.getKey(), "?"), entry.getValue()))
                .toList();
        var zone = zone();
        var today = LocalDate.ofInstant(clock.instant(), zone);
        var last90 = usage.daily(today.minusDays(89), today, zone);
        var now = clock.instant();
        var peak = usage.peak(today.minusDays(89).atStartOfDay(zone).toInstant(), now.plusMillis(1));
        int total = ledger.total();
        var limit = account.seatLimit();
        Integer percent = limit == null || limit == 0 ? null : (int) (total * 100L / limit);
        return new BillingSummary(
                account,
                total,
                perProgram,
                last90,
                peak,
                percent,
                properties.provider() != BillingProperties.Provider.NONE);
    }

    /**
     * The seats in use against the limit, when they reach the first notice share of it; null otherwise (or without a
     * limit). Two small reads: it runs on every page an org admin sees.
     */
    @Transactional(readOnly = true)
    BillingBanner.SeatBanner banner(BillingOverview account) {
        var limit = account.limits().seatLimit();
        if (limit == null || limit == 0) {
            return null;
        }
        int seats = ledger.total();
        int percent = (int) (seats * 100L / limit);
        return percent < firstThreshold() ? null : new BillingBanner.SeatBanner(seats, limit, percent, seats >= limit);
    }

    /** The first share of the limit at which admins are told. */
    int firstThreshold() {
        return Arrays.stream(properties.notices().thresholds()).min().orElse(80);
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(organizations.current().timeZone());
        } catch (RuntimeException unknown) {
            return ZoneId.of("UTC");
        }
    }
}
