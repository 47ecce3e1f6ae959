package app.tandem.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.context.NoTenantInScope;
import app.tandem.core.context.TenantJobs;
import app.tandem.core.context.TenantScope;
import app.tandem.core.organization.OrganizationSettings;
import app.tandem.core.organization.Organizations;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.test.IntegrationTest;
import app.tandem.core.test.TenantFixtures;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.annotation.Async;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tenants share ONE pooled connection here, so any schema left behind on it by one tenant's work would show up in
 * the next tenant's reads.
 */
@IntegrationTest
@Import(TenantIsolationIT.AsyncSettingsReader.class)
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=1", "tandem.core.jobs.parallelism=1"})
class TenantIsolationIT {

    @Autowired
    TenantFixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    Organizations organizations;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    AsyncTaskExecutor applicationTaskExecutor;

    @Autowired
    TenantJobs jobs;

    @PersistenceContext
    EntityManager entityManager;

    @Autowired
    AsyncSettingsReader asyncReader;

    Tenant alpha;
    Tenant beta;

    @BeforeEach
    void twoTenants() {
        alpha = fixtures.activeTenant("alpha");
        beta = fixtures.activeTenant("beta");
    }

    @Test
    void alternatingRequestsOnOneConnectionEachSeeOnlyTheirOwnTenant() throws Exception {
        for (int i = 0; i < 1000; i++) {
            var tenant = i % 2 == 0 ? alpha : beta;
            mvc.perform(get("http://" + fixtures.hostOf(tenant) + "/api/v1/tenant"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value(tenant.id().toString()))
                    .andExpect(jsonPath("$.slug").value(tenant.slug().value()))
                    .andExpect(jsonPath("$.welcomeMessage")
                            .value("Welcome to the mentoring programs of " + tenant.displayName() + "."));
        }
        assertThat(connectionSchema()).isEqualTo("public");
    }

    @Test
    void eachTenantSchemaHoldsOnlyItsOwnRow() {
        for (var tenant : new Tenant[] {alpha, beta}) {
            var rows =
                    TenantScope.get(tenant.id(), () -> organizations.current().tenantId());
            assertThat(rows).isEqualTo(tenant.id().value());
            assertThat(jdbc.sql("select count(*) from " + tenant.schemaName() + ".organization_settings")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void anExceptionInOneTenantLeavesTheConnectionCleanForTheNext() {
        assertThatThrownBy(() -> TenantScope.run(alpha.id(), () -> {
                    organizations.current();
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(TenantScope.get(beta.id(), () -> organizations.current().tenantId()))
                .isEqualTo(beta.id().value());
        assertThat(connectionSchema()).isEqualTo("public");
    }

    @Test
    void aRolledBackTransactionChangesNothingAndLeaksNoSchema() {
        var before = TenantScope.get(alpha.id(), () -> organizations.current().welcomeMessage());

        assertThatThrownBy(() -> TenantScope.run(
                        alpha.id(),
                        () -> transactions.executeWithoutResult(tx -> {
                            organizations.changeWelcomeMessage("changed then rolled back");
                            throw new IllegalStateException("roll back");
                        })))
                .hasMessage("roll back");

        assertThat(TenantScope.get(alpha.id(), () -> organizations.current().welcomeMessage()))
                .isEqualTo(before);
        assertThat(TenantScope.get(beta.id(), () -> organizations.current().tenantId()))
                .isEqualTo(beta.id().value());
        assertThat(connectionSchema()).isEqualTo("public");
    }

    @Test
    void aSavepointRollbackUndoesOnlyTheWorkAfterTheSavepointInTheSameTenant() {
        TenantScope.run(
                alpha.id(),
                () -> transactions.executeWithoutResult(tx -> {
                    organizations.current();
                    var connection = DataSourceUtils.getConnection(dataSource);
                    try {
                        jdbc.sql("update organization_settings set locale = 'fr'")
                                .update();
                        var savepoint = connection.setSavepoint();
                        jdbc.sql("update organization_settings set time_zone = 'Europe/Paris'")
                                .update();
                        connection.rollback(savepoint);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }));

        var settings = TenantScope.get(alpha.id(), () -> organizations.current());
        assertThat(settings.locale()).isEqualTo("fr");
        assertThat(settings.timeZone()).isEqualTo("UTC");
        var other = TenantScope.get(beta.id(), () -> organizations.current());
        assertThat(other.locale()).isEqualTo("en");
        assertThat(other.tenantId()).isEqualTo(beta.id().value());
        assertThat(connectionSchema()).isEqualTo("public");
    }

    @Test
    void asyncWorkCarriesTheSubmittersTenant() throws Exception {
        var seen = TenantScope.call(
                alpha.id(),
                () -> applicationTaskExecutor
                        .submit(() -> organizations.current().tenantId())
                        .get(30, TimeUnit.SECONDS));

        assertThat(seen).isEqualTo(alpha.id().value());
    }

    @Test
    void asyncMethodsRunInTheCallersTenantAndFailClosedWithoutOne() throws Exception {
        var seen =
                TenantScope.call(beta.id(), () -> asyncReader.tenantOfSettings().get(30, TimeUnit.SECONDS));
        assertThat(seen).isEqualTo(beta.id().value());

        assertThatThrownBy(() -> asyncReader.tenantOfSettings().get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(NoTenantInScope.class);
    }

    @Test
    void asyncWorkWithoutATenantFailsClosed() {
        var future =
                applicationTaskExecutor.submit(() -> organizations.current().tenantId());

        assertThatThrownBy(() -> future.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(NoTenantInScope.class);
    }

    @Test
    void asyncWorkDoesNotInheritATenantFromAPreviousTaskOnThePoolThread() throws Exception {
        TenantScope.call(
                alpha.id(),
                () -> applicationTaskExecutor
                        .submit(() -> organizations.current())
                        .get());

        var future =
                applicationTaskExecutor.submit(() -> organizations.current().tenantId());

        assertThatThrownBy(() -> future.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(NoTenantInScope.class);
    }

    @Test
    void tenantTablesResolveToNothingWithoutATenantEvenBypassingTheService() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> entityManager
                        .createQuery("select s from OrganizationSettings s", OrganizationSettings.class)
                        .getResultList()))
                .hasStackTraceContaining("organization_settings\" does not exist");
        assertThat(connectionSchema()).isEqualTo("public");
    }

    @Test
    void aJobForEveryTenantSeesEachTenantsOwnSchema() {
        Map<UUID, UUID> seen = new ConcurrentHashMap<>();

        var report = jobs.forEachActiveTenant(
                "isolation-check",
                tenant -> seen.put(tenant.id().value(), organizations.current().tenantId()));

        assertThat(report.failures()).isEmpty();
        assertThat(seen).containsEntry(alpha.id().value(), alpha.id().value());
        assertThat(seen).containsEntry(beta.id().value(), beta.id().value());
        seen.forEach((tenant, row) -> assertThat(row).isEqualTo(tenant));
    }

    private String connectionSchema() {
        return jdbc.sql("select current_schema()").query(String.class).single();
    }

    /** An {@code @Async} service, as modules will write them. */
    static class AsyncSettingsReader {

        private final Organizations organizations;

        AsyncSettingsReader(Organizations organizations) {
            this.organizations = organizations;
        }

        @Async
        public CompletableFuture<UUID> tenantOfSettings() {
            return CompletableFuture.completedFuture(organizations.current().tenantId());
        }
    }
}
