package app.tandem.billing.web;

import app.tandem.billing.account.AccountStatus;
import app.tandem.billing.account.Payments;
import app.tandem.billing.payment.PaymentGateway.Invoice;
import app.tandem.billing.seat.SeatUsage;
import app.tandem.core.context.TenantContext;
import app.tandem.core.routing.OnTenantHost;
import app.tandem.core.web.DomainException;
import app.tandem.identity.CurrentMember;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/billing}: the organization's plan, limits and seats, its invoices, and the payment provider's checkout,
 * plan change and portal, for org admins.
 */
@RestController
@OnTenantHost
@RequestMapping("/api/v1/billing")
@PreAuthorize("hasRole('ORG_ADMIN')")
class BillingApi {

    private final BillingReports reports;
    private final SeatUsage usage;
    private final Payments payments;
    private final PaymentAddresses addresses;
    private final CurrentMember currentMember;

    BillingApi(
            BillingReports reports,
            SeatUsage usage,
            Payments payments,
            PaymentAddresses addresses,
            CurrentMember currentMember) {
        this.reports = reports;
        this.usage = usage;
        this.payments = payments;
        this.addresses = addresses;
        this.currentMember = currentMember;
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
            boolean paymentsConfigured,
            boolean subscribed) {}

    /** What {@code POST /checkout} starts: a plan, paid {@code monthly} (the default) or {@code yearly}. */
    record CheckoutRequest(String plan, String interval) {}

    /** Where to send the org admin: the payment provider's hosted page, valid for a short time. */
    record Redirect(URI url) {}

    /** The latest invoices, newest first, and the next one as it stands now (null when none is due). */
    record InvoicesView(List<Invoice> invoices, Invoice upcoming) {}

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
                summary.paymentsConfigured(),
                summary.paymentsConfigured() && payments.subscribed(TenantContext.require()));
    }

    /**
     * Starts the payment provider's checkout of a paid plan for the seats in use. Refused (and nothing changed at the
     * provider) without payments configured, for an unknown plan or one not sold online, for a complimentary
     * organization and for one that already has a subscription (change its plan instead).
     */
    @PostMapping("/checkout")
    Redirect checkout(@RequestBody CheckoutRequest body, HttpServletRequest request) {
        if (body.plan() == null || body.plan().isBlank()) {
            throw new InvalidBillingRequest("plan-missing", "Name the plan to buy.", "plan");
        }
        return new Redirect(payments.checkout(
                TenantContext.require(),
                body.plan(),
                Payments.Interval.of(body.interval()),
                currentMember.require().email(),
                addresses.checkoutDone(request),
                addresses.checkoutCancelled(request)));
    }

    /** Opens the payment provider's page to change the plan of the organization's subscription. */
    @PostMapping("/plan-change")
    Redirect changePlan(HttpServletRequest request) {
        return new Redirect(payments.changePlan(TenantContext.require(), addresses.billingPage(request)));
    }

    /** Opens the payment provider's portal for payment details and invoices. */
    @PostMapping("/portal")
    Redirect portal(HttpServletRequest request) {
        return new Redirect(payments.portal(TenantContext.require(), addresses.billingPage(request)));
    }

    /** The invoices; 503 while the payment provider cannot be reached. */
    @GetMapping("/invoices")
    InvoicesView invoices() {
        var invoices = payments.invoices(TenantContext.require());
        return new InvoicesView(invoices.recent(), invoices.upcoming().orElse(null));
    }

    @GetMapping("/usage")
    UsageView usage(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidBillingRequest(
                    "invalid-period", "The period ends (" + to + ") before it starts (" + from + ").", "to");
        }
        if (from.plusYears(2).isBefore(to)) {
            throw new InvalidBillingRequest("invalid-period", "A period is at most two years long.", "to");
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

    /** A period that ends before it starts or is too long, or a request that leaves out what it needs. */
    static class InvalidBillingRequest extends DomainException {
        InvalidBillingRequest(String code, String message, String field) {
            super(Kind.INVALID, code, message, Map.of(field, message));
        }
    }
}
