package app.tandem.billing.account;

import app.tandem.billing.plan.Plan;
import app.tandem.billing.plan.PlanCatalog;
import app.tandem.core.audit.Actor;
import app.tandem.core.audit.AuditTrail;
import app.tandem.core.audit.OperatorAudit;
import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantNotFound;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.core.web.DomainException;
import app.tandem.identity.CurrentOperator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform operators' view of every organization's billing and what they may change in it, for platform operators
 * only. The view is two queries over {@code platform.billing_accounts} and {@code platform.tenants} (a page of
 * accounts and the totals of every account that matches), whatever the number of tenant schemas. Monthly recurring
 * revenue is seats times the plan's monthly price per seat for an account that pays: active or past due, not comped,
 * on a plan that is not free (an OVERAGE plan's seats past its limit cost the same per seat).
 *
 * <p>Each change (a comp, a longer grace period, an ENTERPRISE seat limit) locks the account, goes through the
 * account's own method and is written, in the same transaction, to the operator audit (where the console lists it
 * beside the operators' other actions) and to the organization's own audit trail (so its admins see who changed their
 * billing); a refusal changes nothing. Changes run in the organization's scope, so call them outside a transaction.
 */
@Service
@PreAuthorize("hasRole('PLATFORM_OPERATOR')")
public class BillingFleet {

    /** The most days one extension of a grace period may add. */
    public static final int MAX_GRACE_DAYS = 90;

    /** Subscription states in which the provider no longer charges. */
    private static final Set<String> ENDED_SUBSCRIPTIONS = Set.of("canceled", "incomplete_expired");

    /** The key of an operator audit entry's details that says what a billing action changed. */
    private static final String CHANGE = "change";

    /** The most accounts one page of the view holds. */
    public static final int MAX_PAGE_SIZE = 200;

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final String FROM = """
            from platform.billing_accounts b
            join platform.tenants t on t.id = b.tenant_id
            """;

    private final BillingAccountRepository accounts;
    private final PlanCatalog catalog;
    private final TenantRegistry tenants;
    private final AuditTrail audit;
    private final OperatorAudit operatorAudit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BillingFleet(
            BillingAccountRepository accounts,
            PlanCatalog catalog,
            TenantRegistry tenants,
            AuditTrail audit,
            OperatorAudit operatorAudit,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.accounts = accounts;
        this.catalog = catalog;
        this.tenants = tenants;
        this.audit = audit;
        this.operatorAudit = operatorAudit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Where an account stands, for filtering: its status, or suspended for billing (a past-due one past grace). */
    public enum Standing {
        TRIALING,
        ACTIVE,
        PAST_DUE,
        CANCELED,
        SUSPENDED_FOR_BILLING
    }

    /**
     * Which accounts to show.
     *
     * @param search part of an organization's address (slug) or name, compared without case; null for all
     * @param plan only accounts on this plan (a catalog code), or null
     * @param standing only accounts that stand so, or null
     * @param page the page, from 1
     * @param size accounts per page, 1 to {@value #MAX_PAGE_SIZE}
     */
    public record FleetQuery(String search, String plan, Standing standing, int page, int size) {

        public FleetQuery {
            if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("page " + page + ", size " + size);
            }
        }

        public static FleetQuery all() {
            return new FleetQuery(null, null, null, 1, MAX_PAGE_SIZE);
        }
    }

    /**
     * One organization's billing.
     *
     * @param seats the seat count last recorded from the organization's ledger
     * @param seatLimit the seats allowed: the one an operator set, else the plan's; null for no limit
     * @param seatLimitSet whether an operator set the seat limit
     * @param trialEnded whether a trial is over without a plan having been chosen
     * @param graceEndsAt until when a past-due organization stays open, or null
     * @param currency the currency of the plan's prices
     * @param monthlyRevenue what the organization pays a month now: seats times the price of a seat, zero when it pays
     *     nothing (comped, on its trial, cancelled, on a free plan)
     */
    public record FleetAccount(
            UUID tenantId,
            String slug,
            String name,
            TenantStatus tenantStatus,
            String plan,
            String planName,
            boolean invoiced,
            AccountStatus status,
            boolean suspendedForBilling,
            boolean comped,
            int seats,
            Integer seatLimit,
            boolean seatLimitSet,
            Instant trialEndsAt,
            boolean trialEnded,
            Instant graceEndsAt,
            String currency,
            BigDecimal monthlyRevenue) {}

    /** The accounts on one plan among those that match. */
    public record PlanTotal(
            String plan,
            String planName,
            long tenants,
            Map<AccountStatus, Long> byStatus,
            long suspendedForBilling,
            long seats,
            String currency,
            BigDecimal monthlyRevenue) {}

    /**
     * The totals of every account that matches (of the whole fleet without a filter).
     *
     * @param monthlyRevenue monthly recurring revenue per currency
     */
    public record FleetTotals(
            long tenants,
            Map<AccountStatus, Long> byStatus,
            long suspendedForBilling,
            long seats,
            Map<String, BigDecimal> monthlyRevenue,
            List<PlanTotal> plans) {}

    /** A page of accounts and the totals of all that match. */
    public record FleetPage(List<FleetAccount> accounts, int page, int size, long total, FleetTotals totals) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages();
        }
    }

    /** An operator's billing action as the operator audit holds it. */
    public record BillingAction(Instant occurredAt, String actor, String action, String details) {}

    /** A page of the view, with the totals of every account that matches. */
    @Transactional(readOnly = true)
    public FleetPage fleet(FleetQuery query) {
        var where = where(query);
        var params = new ArrayList<>(where.params());
        params.add(query.size());
        params.add((long) (query.page() - 1) * query.size());
        var rows = jdbc.sql(SELECT + FROM + where.sql() + " order by t.slug limit ? offset ?")
                .params(params)
                .query((row, n) -> account(row))
                .list();
        var totals = totals(where);
        return new FleetPage(rows, query.page(), query.size(), totals.tenants(), totals);
    }

    /** Every account that matches, in the view's order, regardless of the query's page: for the export. */
    @Transactional(readOnly = true)
    public List<FleetAccount> everyMatch(FleetQuery query) {
        var where = where(query);
        return jdbc.sql(SELECT + FROM + where.sql() + " order by t.slug")
                .params(where.params())
                .query((row, n) -> account(row))
                .list();
    }

    /** One organization's billing; refused when it has no account. */
    @Transactional(readOnly = true)
    public FleetAccount account(TenantId tenant) {
        return jdbc.sql(SELECT + FROM + " where b.tenant_id = ?")
                .params(tenant.value())
                .query((row, n) -> account(row))
                .optional()
                .orElseThrow(BillingRefused::noAccount);
    }

    /** The operators' billing actions on the organization, newest first, from the operator audit. */
    public List<BillingAction> history(TenantId id, int limit) {
        tenants.find(id).orElseThrow(() -> new TenantNotFound(id.toString()));
        return operatorAudit.ofTenant(id, "billing.", limit).stream()
                .map(entry -> new BillingAction(
                        entry.occurredAt(),
                        entry.actorEmail() != null ? entry.actorEmail() : entry.actorSubject(),
                        entry.action(),
                        String.valueOf(entry.details().getOrDefault(CHANGE, ""))))
                .toList();
    }

    /**
     * Puts the organization on {@code planCode} without charging it: active, out of dunning, and open again when it was
     * suspended for billing. Refused while a subscription at the provider still charges it. Audited as
     * {@code billing.comp}.
     */
    public FleetAccount comp(TenantId tenant, String planCode) {
        if (planCode == null || planCode.isBlank()) {
            throw FleetActionRefused.noPlan();
        }
        var plan = catalog.find(planCode.strip()).orElseThrow(() -> BillingRefused.unknownPlan(planCode.strip()));
        return change(tenant, "billing.comp", account -> {
            if (account.stripeSubscriptionId() != null
                    && !ENDED_SUBSCRIPTIONS.contains(String.valueOf(account.stripeStatus()))) {
                throw FleetActionRefused.paying(account.stripeSubscriptionId());
            }
            var before = account.plan() + " (" + account.status() + (account.comped() ? ", comped" : "") + ")";
            var wasSuspended = account.suspendedForBilling();
            account.comp(plan.code(), clock.instant());
            var reopened = wasSuspended && reopen(tenant);
            return "Comped on " + plan.name() + " (" + plan.code() + "), was " + before
                    + (reopened ? "; the organization, suspended for billing, is open again" : "") + ".";
        });
    }

    /**
     * Gives a past-due organization {@code days} more days (1 to {@value #MAX_GRACE_DAYS}) from the end of its grace
     * period, or from now when that is over; an organization suspended for billing is open again until then. Audited
     * as {@code billing.extend-grace}.
     */
    public FleetAccount extendGrace(TenantId tenant, Integer days) {
        if (days == null || days < 1 || days > MAX_GRACE_DAYS) {
            throw FleetActionRefused.invalidGraceDays(days);
        }
        return change(tenant, "billing.extend-grace", account -> {
            var before = account.graceEndsAt();
            var wasSuspended = account.suspendedForBilling();
            account.extendGrace(Duration.ofDays(days), clock.instant());
            var reopened = wasSuspended && reopen(tenant);
            return "Grace period extended by " + days + (days == 1 ? " day" : " days") + " to "
                    + DAY.format(account.graceEndsAt()) + (before == null ? "" : ", was " + DAY.format(before))
                    + (reopened ? "; the organization, suspended for billing, is open again" : "") + ".";
        });
    }

    /**
     * Sets the seats the organization may hold, for an organization on an invoiced plan (ENTERPRISE); null returns to
     * the plan's limit. Audited as {@code billing.seat-limit}.
     */
    public FleetAccount limitSeats(TenantId tenant, Integer limit) {
        return change(tenant, "billing.seat-limit", account -> {
            var plan = catalog.find(account.plan()).orElse(null);
            if (plan == null || !plan.invoiced()) {
                throw FleetActionRefused.notInvoiced(plan == null ? account.plan() : plan.name());
            }
            var before = account.seatLimit();
            account.limitSeats(limit, clock.instant());
            return (limit == null
                            ? "Seat limit back to the plan's (" + describe(plan.seatLimit()) + ")"
                            : "Seat limit set to " + limit)
                    + ", was " + (before == null ? "the plan's (" + describe(plan.seatLimit()) + ")" : before) + ".";
        });
    }

    private static String describe(Integer limit) {
        return limit == null ? "no limit" : limit.toString();
    }

    /**
     * Runs {@code work} on the locked account in the organization's scope and records what it says it did; whatever
     * it throws rolls everything back.
     */
    private FleetAccount change(TenantId id, String action, Function<BillingAccount, String> work) {
        var tenant = tenants.find(id).orElseThrow(() -> new TenantNotFound(id.toString()));
        if (!TenantRegistry.WITH_SCHEMA.contains(tenant.status())) {
            throw FleetActionRefused.closed(tenant);
        }
        var operator = CurrentOperator.require();
        TenantScope.run(
                id,
                () -> transactions.executeWithoutResult(tx -> {
                    var account = accounts.lock(id.value()).orElseThrow(BillingRefused::noAccount);
                    var details = work.apply(account);
                    accounts.flush();
                    operatorAudit.record(operator, action, id, tenant.slug().value(), Map.of(CHANGE, details));
                    audit.record(
                            new Actor(operator.subject(), "Platform operator " + operator.label()),
                            action,
                            tenant.slug().value(),
                            details);
                }));
        return account(id);
    }

    /** Opens an organization that dunning suspended (and nobody suspended since for another reason). */
    private boolean reopen(TenantId id) {
        var tenant = tenants.require(id);
        if (tenant.status() == TenantStatus.SUSPENDED
                && tenant.statusReason() != null
                && tenant.statusReason().startsWith(Dunning.REASON_PREFIX)) {
            tenants.reactivate(id);
            return true;
        }
        return false;
    }

    private static final String SELECT = """
            select b.tenant_id, t.slug, t.display_name, t.status, b.plan, b.status, b.suspended_for_billing,
                   b.comped, b.seats, b.seat_limit, b.trial_ends_at, b.grace_ends_at
            """;

    private record Where(String sql, List<Object> params) {}

    private static Where where(FleetQuery query) {
        var sql = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (query.search() != null && !query.search().isBlank()) {
            sql.append(" and (t.slug like ? escape '\\' or lower(t.display_name) like ? escape '\\')");
            var pattern = "%" + escapeLike(query.search().strip().toLowerCase(Locale.ROOT)) + "%";
            params.add(pattern);
            params.add(pattern);
        }
        if (query.plan() != null) {
            sql.append(" and b.plan = ?");
            params.add(query.plan().toUpperCase(Locale.ROOT));
        }
        if (query.standing() == Standing.SUSPENDED_FOR_BILLING) {
            sql.append(" and b.suspended_for_billing");
        } else if (query.standing() != null) {
            sql.append(" and b.status = ?");
            params.add(query.standing().name());
        }
        return new Where(sql.toString(), params);
    }

    private FleetTotals totals(Where where) {
        var groups = jdbc.sql("select b.plan, b.status, b.comped, b.suspended_for_billing, count(*), sum(b.seats) "
                        + FROM + where.sql() + " group by b.plan, b.status, b.comped, b.suspended_for_billing")
                .params(where.params())
                .query((row, n) -> new Group(
                        row.getString(1),
                        AccountStatus.valueOf(row.getString(2)),
                        row.getBoolean(3),
                        row.getBoolean(4),
                        row.getLong(5),
                        row.getLong(6)))
                .list();
        var byStatus = new EnumMap<AccountStatus, Long>(AccountStatus.class);
        var revenue = new TreeMap<String, BigDecimal>();
        var perPlan = new LinkedHashMap<String, PlanTotal>();
        long tenantCount = 0;
        long suspended = 0;
        long seats = 0;
        for (var group : groups) {
            var plan = catalog.find(group.plan()).orElse(null);
            var currency = plan == null ? null : plan.currency();
            var money = monthlyRevenue(plan, group.status(), group.comped(), group.seats());
            tenantCount += group.tenants();
            seats += group.seats();
            suspended += group.suspended() ? group.tenants() : 0;
            byStatus.merge(group.status(), group.tenants(), Long::sum);
            if (currency != null) {
                revenue.merge(currency, money, BigDecimal::add);
            }
            var previous = perPlan.get(group.plan());
            var planStatus = new EnumMap<AccountStatus, Long>(AccountStatus.class);
            if (previous != null) {
                planStatus.putAll(previous.byStatus());
            }
            planStatus.merge(group.status(), group.tenants(), Long::sum);
            perPlan.put(
                    group.plan(),
                    new PlanTotal(
                            group.plan(),
                            plan == null ? group.plan() : plan.name(),
                            (previous == null ? 0 : previous.tenants()) + group.tenants(),
                            planStatus,
                            (previous == null ? 0 : previous.suspendedForBilling())
                                    + (group.suspended() ? group.tenants() : 0),
                            (previous == null ? 0 : previous.seats()) + group.seats(),
                            currency,
                            (previous == null ? BigDecimal.ZERO.setScale(2) : previous.monthlyRevenue()).add(money)));
        }
        var plans = perPlan.values().stream()
                .sorted((a, b) -> a.plan().compareTo(b.plan()))
                .toList();
        return new FleetTotals(tenantCount, byStatus, suspended, seats, revenue, plans);
    }

    private record Group(
            String plan, AccountStatus status, boolean comped, boolean suspended, long tenants, long seats) {}

    /** Seats times the monthly price of a seat when the account pays, else zero; two decimals. */
    static BigDecimal monthlyRevenue(Plan plan, AccountStatus status, boolean comped, long seats) {
        var pays = plan != null
                && !comped
                && !plan.free()
                && (status == AccountStatus.ACTIVE || status == AccountStatus.PAST_DUE);
        var revenue = pays ? plan.pricePerSeatMonthly().multiply(BigDecimal.valueOf(seats)) : BigDecimal.ZERO;
        return revenue.setScale(2, RoundingMode.HALF_UP);
    }

    private FleetAccount account(ResultSet row) throws SQLException {
        var code = row.getString(5);
        var plan = catalog.find(code).orElse(null);
        var status = AccountStatus.valueOf(row.getString(6));
        var comped = row.getBoolean(8);
        var seats = row.getInt(9);
        var ownLimit = row.getObject(10, Integer.class);
        var trialEndsAt = instant(row, 11);
        return new FleetAccount(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getString(3),
                TenantStatus.valueOf(row.getString(4)),
                code,
                plan == null ? code : plan.name(),
                plan != null && plan.invoiced(),
                status,
                row.getBoolean(7),
                comped,
                seats,
                ownLimit != null ? ownLimit : plan == null ? null : plan.seatLimit(),
                ownLimit != null,
                trialEndsAt,
                status == AccountStatus.TRIALING
                        && trialEndsAt != null
                        && !clock.instant().isBefore(trialEndsAt),
                instant(row, 12),
                plan == null ? null : plan.currency(),
                monthlyRevenue(plan, status, comped, seats));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        var timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** An operator's billing action that the input or the organization does not allow; nothing was changed. */
    public static final class FleetActionRefused extends DomainException {

        private FleetActionRefused(Kind kind, String code, String message, Map<String, String> fields) {
            super(kind, code, message, fields);
        }

        static FleetActionRefused noPlan() {
            var message = "Choose the plan to comp the organization on.";
            return new FleetActionRefused(Kind.INVALID, "plan-missing", message, Map.of("plan", message));
        }

        static FleetActionRefused invalidGraceDays(Integer days) {
            var message = "A grace period is extended by 1 to " + MAX_GRACE_DAYS + " days"
                    + (days == null ? "; give the number of days." : ", not " + days + ".");
            return new FleetActionRefused(Kind.INVALID, "invalid-grace-days", message, Map.of("days", message));
        }

        static FleetActionRefused notInvoiced(String plan) {
            var message = "Only an organization on an invoiced plan (such as Enterprise) gets a seat limit of its own;"
                    + " this one is on " + plan + ".";
            return new FleetActionRefused(
                    Kind.CONFLICT, "seat-limit-not-invoiced", message, Map.of("seatLimit", message));
        }

        static FleetActionRefused paying(String subscriptionId) {
            return new FleetActionRefused(
                    Kind.CONFLICT,
                    "organization-paying",
                    "The organization pays through its subscription " + subscriptionId
                            + " at the payment provider; cancel that first (in the Stripe Dashboard), or it would go on"
                            + " being charged while comped.",
                    Map.of("plan", "Cancel the organization's subscription first."));
        }

        static FleetActionRefused closed(Tenant tenant) {
            return new FleetActionRefused(
                    Kind.CONFLICT,
                    "organization-closed",
                    "The organization " + tenant.slug().value() + " is " + tenant.status()
                            + ": its billing can no longer be changed.",
                    Map.of());
        }
    }
}
