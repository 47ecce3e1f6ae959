package app.tandem.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.tandem.core.context.NoTenantInScope;
import app.tandem.core.context.TenantContext;
import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.test.IntegrationTest;
import app.tandem.core.test.TenantFixtures;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Domain events through Spring Modulith's publication registry, kept in each tenant's schema: handled after commit in
 * the publisher's tenant scope, recorded only in that tenant's table, delivered again when the listener failed, never
 * delivered for a rolled-back transaction, and refused outside a tenant scope.
 */
@IntegrationTest
@Import(EventPublicationIT.Listener.class)
@TestPropertySource(properties = "tandem.core.events.redeliver-after=0s")
class EventPublicationIT {

    /** An event of the test; it names its tenant, as every domain event does. */
    record SomethingHappened(TenantId tenant, UUID id) {}

    /** Hears the test's events after commit, noting the tenant in scope; fails as often as it is told to. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Listener {

        final List<String> heard = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();

        @Bean
        Listener listener() {
            return this;
        }

        @ApplicationModuleListener
        void on(SomethingHappened event) {
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the listener fails this time");
            }
            heard.add(event.id() + " in " + TenantContext.require(event.tenant()));
        }
    }

    @Autowired
    TenantFixtures tenants;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Listener listener;

    @Autowired
    EventRedelivery redelivery;

    @BeforeEach
    void listenAfresh() {
        listener.heard.clear();
        listener.failures.set(0);
    }

    @Test
    void anEventIsHandledAfterCommitInItsTenantAndRecordedOnlyInThatTenantsSchema() {
        var a = tenants.activeTenant("events-a");
        var b = tenants.activeTenant("events-b");
        var id = UUID.randomUUID();

        publish(a, id);

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.heard.contains(id + " in " + a.id()));
        await().atMost(Duration.ofSeconds(10)).until(() -> completed(a) == 1 && incomplete(a) == 0);
        assertThat(completed(b) + incomplete(b))
                .as("nothing in another tenant's registry")
                .isZero();
    }

    @Test
    void aFailedListenerIsDeliveredAgainUntilItSucceeds() {
        var tenant = tenants.activeTenant("events-retry");
        listener.failures.set(1);
        var id = UUID.randomUUID();

        publish(tenant, id);
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.failures.get() == 0);
        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> incomplete(tenant) == 1);
        assertThat(listener.heard).isEmpty();

        TenantScope.run(tenant.id(), redelivery::redeliverInScope);

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.heard.contains(id + " in " + tenant.id()));
        await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(tenant) == 0);
        assertThat(listener.heard).hasSize(1);
    }

    @Test
    void aRolledBackTransactionsEventIsNeitherRecordedNorDelivered() {
        var tenant = tenants.activeTenant("events-rollback");
        var id = UUID.randomUUID();

        TenantScope.run(
                tenant.id(),
                () -> transactions.executeWithoutResult(tx -> {
                    events.publishEvent(new SomethingHappened(tenant.id(), id));
                    tx.setRollbackOnly();
                }));

        assertThat(completed(tenant) + incomplete(tenant)).isZero();
        assertThat(listener.heard).isEmpty();
    }

    @Test
    void publishingOutsideATenantScopeFailsClosed() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(
                        tx -> events.publishEvent(new SomethingHappened(null, UUID.randomUUID()))))
                .isInstanceOf(NoTenantInScope.class);
    }

    private void publish(Tenant tenant, UUID id) {
        TenantScope.run(
                tenant.id(),
                () -> transactions.executeWithoutResult(
                        tx -> events.publishEvent(new SomethingHappened(tenant.id(), id))));
    }

    private int completed(Tenant tenant) {
        return count(tenant, "completion_date is not null");
    }

    private int incomplete(Tenant tenant) {
        return count(tenant, "completion_date is null");
    }

    private int count(Tenant tenant, String condition) {
        return jdbc.sql("select count(*) from " + tenant.schemaName() + ".event_publication where " + condition)
                .query(Integer.class)
                .single();
    }
}
