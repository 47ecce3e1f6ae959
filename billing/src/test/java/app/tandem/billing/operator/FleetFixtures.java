package app.tandem.billing.operator;

import app.tandem.billing.account.Dunning;
import app.tandem.core.audit.AuditEvent;
import app.tandem.core.audit.AuditTrail;
import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.IdentityDirectory;
import app.tandem.infra.keycloak.TestKeycloak;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Organizations whose billing accounts are put in a given state, platform operators (Keycloak users with the realm
 * role {@code platform-operator}) with their real access tokens, and what the organizations' audit trails say. A plain
 * helper, not a bean, so that the billing tests keep sharing one application context.
 */
class FleetFixtures {

    static final String OPERATOR_PASSWORD = "operator-password-1";

    private static final AtomicInteger counter = new AtomicInteger();

    private final TenantFixtures tenants;
    private final TenantRegistry registry;
    private final IdentityDirectory directory;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    FleetFixtures(
            TenantFixtures tenants,
            TenantRegistry registry,
            IdentityDirectory directory,
            AuditTrail audit,
            JdbcClient jdbc) {
        this.tenants = tenants;
        this.registry = registry;
        this.directory = directory;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    record Operator(String userId, String email) {}

    Operator operator() {
        var n = counter.incrementAndGet();
        var email = "billing-operator-" + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var userId = TestKeycloak.get().createUser(email, "Olga", "Operator" + n, OPERATOR_PASSWORD);
        directory.grantOperatorRole(userId);
        return new Operator(userId, email);
    }

    /** The operator's access token from a real login on the platform site (no organization). */
    String token(Operator operator) {
        return TestKeycloak.get()
                .login()
                .tokens(operator.email(), OPERATOR_PASSWORD, "openid")
                .accessToken();
    }

    /** A new organization whose account is on {@code plan} with {@code status} and {@code seats}. */
    Tenant account(String prefix, String plan, String status, int seats) {
        var tenant = tenants.activeTenant(prefix);
        set(tenant, Map.of("plan", plan, "status", status, "seats", seats));
        return tenant;
    }

    /** Sets columns of the organization's billing account, as the rest of billing would have. */
    void set(Tenant tenant, Map<String, ?> columns) {
        var assignments = String.join(
                ", ",
                columns.keySet().stream()
                        .map(column -> column + " = :" + column)
                        .toList());
        var statement = jdbc.sql("update platform.billing_accounts set " + assignments + " where tenant_id = :tenant")
                .param("tenant", tenant.id().value());
        for (var column : columns.entrySet()) {
            var value = column.getValue() instanceof Instant instant ? Timestamp.from(instant) : column.getValue();
            statement = statement.param(column.getKey(), value);
        }
        statement.update();
    }

    /** A payment overdue since {@code since}, with grace until {@code graceEndsAt}. */
    void pastDue(Tenant tenant, Instant since, Instant graceEndsAt) {
        set(tenant, Map.of("status", "PAST_DUE", "past_due_since", since, "grace_ends_at", graceEndsAt));
    }

    /** Dunning's suspension at the end of the grace period. */
    void suspendedForBilling(Tenant tenant) {
        set(tenant, Map.of("suspended_for_billing", true));
        registry.suspend(tenant.id(), Dunning.REASON_PREFIX + ": a payment is overdue.");
    }

    /** The account's row as it is, to show that a refusal left it alone. */
    Map<String, Object> row(Tenant tenant) {
        return jdbc.sql("select * from platform.billing_accounts where tenant_id = :tenant")
                .param("tenant", tenant.id().value())
                .query()
                .singleRow();
    }

    /** The organization's billing entries of its audit trail, newest first. */
    List<AuditEvent> billingAudit(Tenant tenant) {
        return TenantScope.get(
                tenant.id(), () -> audit.recent("billing.", 0, 50).getContent());
    }

    /** The platform's operator audit entries about the organization, newest first: action, operator and change. */
    List<Map<String, Object>> operatorAudit(Tenant tenant) {
        return jdbc.sql("""
                        select action, actor_subject, actor_email, details ->> 'change' as change
                        from platform.operator_audit where tenant_id = ? order by occurred_at desc
                        """).param(tenant.id().value()).query().listOfRows();
    }
}
