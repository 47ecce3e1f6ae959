package app.tandem.billing.web;

import app.tandem.billing.account.AccountStatus;
import app.tandem.billing.seat.SeatUsage;
import app.tandem.core.routing.OnTenantHost;
import app.tandem.core.web.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/billing}: the organization's plan, limits and seats, for org admins. */
@RestController
@OnTenantHost
@RequestMapping("/api/v1/billing")
@PreAuthorize("hasRole('ORG_ADMIN')")
class BillingApi {

    private final BillingReports reports;
    private final SeatUsage usage;

    BillingApi(BillingReports reports, SeatUsage usage) {
        this.reports = reports;
        this.usage = usage;
    }

    /** The organization's billing now. */
    record BillingView(
            String plan,
            String planName,
            AccountStatus status,
            Instant trialEndsAt,
            boolean trialEnded,
            Integer seatLimit,
            Integer openProgramLimit,
            String limitPolicy,
            int seats,
            Integer percentUsed,
            int peakLast90Days,
            List<BillingSummary.ProgramSeats> programs,
            List<SeatUsage.Day> last90Days,
            boolean paymentsConfigured) {}

    /** Seat usage over a period: seat-days per program and the peak. */
    record UsageView(LocalDate from, LocalDate to, int peak, double seatDays, List<ProgramUsage> programs) {}

    record ProgramUsage(UUID programId, double seatDays) {}

    @GetMapping
    BillingView billing() {
        var summary = reports.summary();
        var account = summary.account();
        return new BillingView(
                account.planCode(),
                account.planName(),
                account.status(),
                account.trialEndsAt(),
                account.trialEnded(),
                account.seatLimit(),
                account.openProgramLimit(),
                account.limits().policy().name(),
                summary.seats(),
                summary.percentUsed(),
                summary.peakLast90Days(),
                summary.programs(),
                summary.last90Days(),
                summary.paymentsConfigured());
    }

    @GetMapping("/usage")
    UsageView usage(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidPeriod("The period ends (" + to + ") before it starts (" + from + ").");
        }
        if (from.plusYears(2).isBefore(to)) {
            throw new InvalidPeriod("A period is at most two years long.");
        }
        var start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        var end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var programs = usage.seatDays(start, end).stream()
                .map(p -> new ProgramUsage(p.programId(), round(p.seatDays())))
                .toList();
        return new UsageView(
                from,
                to,
                usage.peak(start, end),
                round(programs.stream().mapToDouble(ProgramUsage::seatDays).sum()),
                programs);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** A period that ends before it starts, or is too long. */
    static class InvalidPeriod extends DomainException {
        InvalidPeriod(String message) {
            super(Kind.INVALID, "invalid-period", message, Map.of("to", message));
        }
    }
}
