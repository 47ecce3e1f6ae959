package app.tandem.billing.operator;

import app.tandem.billing.account.BillingFleet;
import app.tandem.billing.account.BillingFleet.FleetAccount;
import app.tandem.billing.account.BillingFleet.FleetPage;
import app.tandem.billing.plan.PlanCatalog;
import app.tandem.core.routing.OnApexHost;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/operator/billing} on the platform site, for access tokens of platform operators (the service refuses
 * everyone else with 403): every organization's billing with the fleet's totals, the CSV export, and the comp, grace
 * extension and seat limit. Refusals are problem details; a refused change changed nothing.
 */
@RestController
@OnApexHost
@RequestMapping("/api/v1/operator/billing")
class OperatorBillingApi {

    private final BillingFleet fleet;
    private final PlanCatalog catalog;
    private final Clock clock;

    OperatorBillingApi(BillingFleet fleet, PlanCatalog catalog, Clock clock) {
        this.fleet = fleet;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A concurrent change surfaced at commit: a conflict like any other. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> changedMeanwhile() {
        var refusal = new ChangedMeanwhile();
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, refusal.code(), refusal.getMessage()));
    }

    /** The plan (a catalog code such as {@code GROWTH}) to put the organization on without charging it. */
    record Comp(String plan) {}

    /** How many days (1 to 90) to add to a past-due organization's grace period. */
    record GraceExtension(Integer days) {}

    /** The seats an organization on an invoiced plan may hold; null returns to the plan's limit. */
    record SeatLimit(Integer seatLimit) {}

    /**
     * Billing accounts a page at a time, by address, with the totals of every account that matches: {@code q}
     * searches addresses and names; {@code plan} (a catalog code) and {@code status} (TRIALING, ACTIVE, PAST_DUE,
     * CANCELED or SUSPENDED_FOR_BILLING) filter; {@code page} counts from 1; {@code size} is at most 200.
     */
    @GetMapping
    FleetPage fleet(@ModelAttribute FleetFilter filter) {
        return fleet.fleet(filter.toQuery(catalog));
    }

    /** Every account that matches the same filters, as CSV. */
    @GetMapping(value = "/export", produces = "text/csv")
    void export(@ModelAttribute FleetFilter filter, HttpServletResponse response) throws IOException {
        FleetCsv.send(fleet.everyMatch(filter.toQuery(catalog)), clock, response);
    }

    @GetMapping("/{tenantId}")
    FleetAccount account(@PathVariable UUID tenantId) {
        return fleet.account(new TenantId(tenantId));
    }

    /** The operators' billing actions on the organization, newest first. */
    @GetMapping("/{tenantId}/actions")
    List<BillingFleet.BillingAction> actions(@PathVariable UUID tenantId) {
        return fleet.history(new TenantId(tenantId), 100);
    }

    /** Puts the organization on a plan without charging it (audited as {@code billing.comp}). */
    @PostMapping("/{tenantId}/comp")
    FleetAccount comp(@PathVariable UUID tenantId, @RequestBody Comp comp) {
        return fleet.comp(new TenantId(tenantId), comp.plan());
    }

    /** Gives a past-due organization more days (audited as {@code billing.extend-grace}). */
    @PostMapping("/{tenantId}/grace-extension")
    FleetAccount extendGrace(@PathVariable UUID tenantId, @RequestBody GraceExtension extension) {
        return fleet.extendGrace(new TenantId(tenantId), extension.days());
    }

    /** Sets the seat limit of an organization on an invoiced plan (audited as {@code billing.seat-limit}). */
    @PutMapping("/{tenantId}/seat-limit")
    FleetAccount limitSeats(@PathVariable UUID tenantId, @RequestBody SeatLimit limit) {
        return fleet.limitSeats(new TenantId(tenantId), limit.seatLimit());
    }
}
