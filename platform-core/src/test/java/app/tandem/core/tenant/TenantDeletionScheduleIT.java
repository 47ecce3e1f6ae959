package app.tandem.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.test.IntegrationTest;
import app.tandem.core.test.TenantFixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** Scheduling, cancelling and carrying out deletions in the registry, and the hosts an operator attaches. */
@IntegrationTest
class TenantDeletionScheduleIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantFixtures fixtures;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Test
    void aScheduledTenantIsClosedAtOnceAndDueOnlyAtItsDate() throws Exception {
        var tenant = fixtures.activeTenant("scheduled");
        var due = clock.instant().plus(Duration.ofDays(30));

        registry.scheduleDeletion(tenant.id(), "Closing down", due);

        mvc.perform(get("http://" + fixtures.hostOf(tenant) + "/api/v1/tenant"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/tenant-closing"));
        assertThat(registry.dueForDeletion(due.minusSeconds(1))).doesNotContain(tenant.id());
        assertThat(registry.dueForDeletion(due)).contains(tenant.id());
        assertThatThrownBy(() -> registry.markDeleted(tenant.id())).isInstanceOf(TenantStateConflict.class);

        var cancelled = registry.cancelDeletion(tenant.id());
        assertThat(cancelled.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(cancelled.deletionDueAt()).isNull();
        assertThat(registry.dueForDeletion(due)).doesNotContain(tenant.id());
    }

    @Test
    void aTenantBeingDeletedByOneTransactionIsSkippedByAnother() throws Exception {
        var tenant = fixtures.activeTenant("locked");
        registry.scheduleDeletion(tenant.id(), "Closing", clock.instant().plusSeconds(1));
        var due = clock.instant().plus(Duration.ofMinutes(1));
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);

        var holder = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
            var locked = registry.lockForDeletion(tenant.id(), due);
            held.countDown();
            await(release);
            return locked.isPresent();
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        Optional<Tenant> meanwhile = transactions.execute(tx -> registry.lockForDeletion(tenant.id(), due));
        release.countDown();

        assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(meanwhile).isEmpty();
        Optional<Tenant> afterwards = transactions.execute(tx -> registry.lockForDeletion(tenant.id(), due));
        assertThat(afterwards).isPresent();
        assertThatThrownBy(() -> registry.lockForDeletion(tenant.id(), due))
                .as("outside a transaction")
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void anOperatorsCustomHostCanBeRemovedButTheSubdomainCannot() throws Exception {
        var tenant = fixtures.activeTenant("hosts");
        var custom = HostName.of("mentoring." + tenant.slug().value() + ".example.net");
        registry.addCustomHost(tenant.id(), custom);
        mvc.perform(get("http://" + custom + "/api/v1/tenant")).andExpect(status().isOk());

        assertThatThrownBy(() -> registry.removeCustomHost(tenant.id(), registry.subdomainHost(tenant.slug())))
                .isInstanceOf(InvalidTenantInput.class)
                .hasMessageContaining("own subdomain");
        var other = fixtures.activeTenant("other-hosts");
        assertThatThrownBy(() -> registry.removeCustomHost(other.id(), custom)).isInstanceOf(TenantNotFound.class);

        registry.removeCustomHost(tenant.id(), custom);

        mvc.perform(get("http://" + custom + "/api/v1/tenant")).andExpect(status().isNotFound());
        assertThat(registry.hostsOf(tenant.id())).hasSize(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
