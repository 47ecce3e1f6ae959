package app.tandem.tenantadmin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tandem.core.tenant.HostName;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.core.test.TenantFixtures;
import app.tandem.core.test.TestClock;
import app.tandem.identity.IdentityDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The deletion job as a cluster runs it: several nodes at once, each due tenant deleted by exactly one of them. */
@OperatorConsoleTest
class TenantDeletionsIT {

    @Autowired
    TenantFixtures tenants;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantDeletions deletions;

    @Autowired
    IdentityDirectory directory;

    @Autowired
    TenantActivity activity;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void twoNodesRunningTheJobAtOnceDeleteEachDueTenantOnce() throws Exception {
        var doomed = new ArrayList<Tenant>();
        for (int i = 0; i < 3; i++) {
            var tenant = tenants.activeTenant("raced");
            registry.scheduleDeletion(tenant.id(), "Closing", clock.instant().plus(Duration.ofDays(1)));
            doomed.add(tenant);
        }
        var notYet = tenants.activeTenant("not-yet");
        registry.scheduleDeletion(notYet.id(), "Closing later", clock.instant().plus(Duration.ofDays(3)));
        activity.refresh();
        clock.advance(Duration.ofDays(2));

        var start = new CyclicBarrier(2);
        var first = CompletableFuture.supplyAsync(() -> runAfter(start));
        var second = CompletableFuture.supplyAsync(() -> runAfter(start));
        var deleted = new ArrayList<TenantId>(first.get().deleted());
        deleted.addAll(second.get().deleted());

        for (var tenant : doomed) {
            assertThat(deleted).as("deletions of %s", tenant.slug()).containsOnlyOnce(tenant.id());
            assertThat(registry.require(tenant.id()).status()).isEqualTo(TenantStatus.DELETED);
            assertThat(schemaExists(tenant)).isFalse();
            assertThat(directory.findOrganization(tenant.slug())).isEmpty();
            assertThat(auditedDeletions(tenant)).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from platform.tenant_activity where tenant_id = ?")
                            .param(tenant.id().value())
                            .query(Integer.class)
                            .single())
                    .as("the fleet snapshot's line")
                    .isZero();
        }
        assertThat(first.get().failed()).isEmpty();
        assertThat(second.get().failed()).isEmpty();
        assertThat(deleted).doesNotContain(notYet.id());
        assertThat(registry.require(notYet.id()).status()).isEqualTo(TenantStatus.PENDING_DELETION);
        assertThat(schemaExists(notYet)).isTrue();
    }

    @Test
    void aDeletedTenantsCustomHostStaysWithItAndLeavesTheIdentityProvider() {
        var tenant = tenants.activeTenant("hosted");
        var custom = HostName.of("hosted-" + System.nanoTime() + ".example.com");
        registry.addCustomHost(tenant.id(), custom);
        registry.scheduleDeletion(tenant.id(), "Closing", clock.instant().plus(Duration.ofDays(1)));
        clock.advance(Duration.ofDays(1).plusSeconds(1));

        assertThat(deletions.deleteDue().deleted()).contains(tenant.id());

        assertThat(registry.hostsOf(tenant.id()).stream()
                        .map(host -> host.host().value()))
                .contains(custom.value());
        var other = tenants.activeTenant("would-be-hosted");
        assertThatThrownBy(() -> registry.addCustomHost(other.id(), custom)).hasMessageContaining("already taken");
        assertThatThrownBy(() -> registry.addCustomHost(tenant.id(), HostName.of("again-" + custom.value())))
                .hasMessageContaining("is DELETED and cannot get another host");
    }

    private TenantDeletions.Run runAfter(CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return deletions.deleteDue();
    }

    private boolean schemaExists(Tenant tenant) {
        return jdbc.sql("select count(*) from pg_namespace where nspname = ?")
                        .param(tenant.schemaName())
                        .query(Integer.class)
                        .single()
                == 1;
    }

    private int auditedDeletions(Tenant tenant) {
        return jdbc.sql(
                        "select count(*) from platform.operator_audit where tenant_id = ? and action = 'tenant.deleted'")
                .param(tenant.id().value())
                .query(Integer.class)
                .single();
    }
}
