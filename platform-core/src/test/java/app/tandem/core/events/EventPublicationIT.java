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
@Import(EventPublicationIT.Listening.class)
@TestPropertySource(properties = "tandem.core.events.redeliver-after=0s")
class EventPublicationIT {

    /** An event of the test; it names its tenant, as every domain event does. */
    record SomethingHappened(TenantId tenant, UUID id) {}

    /** What the listener heard, and how often it is still to fail; a bean of its own, as the listener is proxied. */
    static final class Heard {
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();
    }

    /** Hears the test's events after commit, noting the tenant in scope; fails as often as it is told to. */
    static class Listener {

        private final Heard heard;

        Listener(Heard heard) {
            this.heard = heard;
        }

        @ApplicationModuleListener
        void on(SomethingHappened event) {
            if (heard.failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the listener fails this time");
            }
            heard.events.add(event.id() + " in " + TenantContext.require(event.tenant()));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listening {

        @Bean
        Heard heard() {
            return new Heard();
        }

        @Bean
        Listener somethingListener(Heard heard) {
            return new Listener(heard);
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
    Heard heard;

    @Autowired
    EventRedelivery redelivery;

    @BeforeEach
    void listenAfresh() {
        heard.events.clear();
        heard.failures.set(0);
    }

    @Test
    void anEventIsHandledAfterCommitInItsTenantAndRecordedOnlyInThatTenantsSchema() {
        var a = tenants.activeTenant("events-a");
        var b = tenants.activeTenant("events-b");
        var id = UUID.randomUUID();

        publish(a, id);

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.events.contains(id + " in " + a.id()));
        await().atMost(Duration.ofSeconds(10)).until(() -> completed(a) == 1 && incomplete(a) == 0);
        assertThat(completed(b) + incomplete(b))
                .as("nothing in another tenant's registry")
                .isZero();
    }

    @Test
    void aFailedListenerIsDeliveredAgainUntilItSucceeds() {
        var tenant = tenants.activeTenant("events-retry");
        heard.failures.set(1);
        var id = UUID.randomUUID();

        publish(tenant, id);
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.failures.get() == 0);
        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> incomplete(tenant) == 1);
        assertThat(heard.events).isEmpty();

        TenantScope.run(tenant.id(), redelivery::redeliverInScope);

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.events.contains(id + " in " + tenant.id()));
        await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(tenant) == 0);
        assertThat(heard.events).hasSize(1);
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
        assertThat(heard.events).isEmpty();
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
