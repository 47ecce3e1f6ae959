package app.tandem.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.CoreProperties;
import app.tandem.core.context.TenantJobs;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantChanged;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.test.IntegrationTest;
import app.tandem.core.test.TenantFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@TestPropertySource(properties = "tandem.core.migration.workers=6")
class TenantMigratorIT {

    static final String EXTRA_VERSION = "209912310000";

    @Autowired
    TenantFixtures fixtures;

    @Autowired
    TenantRegistry registry;

    @Autowired
    MigrationStates states;

    @Autowired
    MigrationConnections connections;

    @Autowired
    CoreProperties properties;

    @Autowired
    TenantMigrator migrator;

    @Autowired
    TenantJobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    SchemaTemplate template;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void migratesFiftyTenantsInParallelIsolatingABrokenOneAndSucceedsAfterRepair() throws Exception {
        var tenants = provision(50);
        var broken = tenants.get(17);
        jdbc.sql("create table " + broken.schemaName() + ".test_extra (id int)").update();
        var withExtra = migratorWith("db/tenant", "db/tenant-extra-test");

        var first = withExtra.migrateAll();

        assertThat(first.tenants()).isGreaterThanOrEqualTo(50);
        assertThat(first.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.tenant()).isEqualTo(broken.id());
            assertThat(failure.error()).contains("test_extra");
        });
        var brokenState = states.of(broken.id()).orElseThrow();
        assertThat(brokenState.state()).isEqualTo(MigrationState.FAILED);
        assertThat(brokenState.lastError()).contains("already exists");
        for (var tenant : tenants) {
            if (!tenant.equals(broken)) {
                assertThat(states.of(tenant.id()).orElseThrow())
                        .extracting(MigrationStates.Record::state, MigrationStates.Record::schemaVersion)
                        .containsExactly(MigrationState.CURRENT, EXTRA_VERSION);
                assertThat(tableExists(tenant, "test_extra")).isTrue();
            }
        }
        mvc.perform(get("http://" + fixtures.hostOf(broken) + "/api/v1/tenant"))
                .andExpect(status().isServiceUnavailable());
        mvc.perform(get("http://" + fixtures.hostOf(tenants.get(0)) + "/api/v1/tenant"))
                .andExpect(status().isOk());

        jdbc.sql("drop table " + broken.schemaName() + ".test_extra").update();
        var second = withExtra.migrateAll();

        assertThat(second.failures()).isEmpty();
        assertThat(second.migrated()).isEqualTo(1);
        assertThat(states.of(broken.id()).orElseThrow().state()).isEqualTo(MigrationState.CURRENT);
        assertThat(tableExists(broken, "test_extra")).isTrue();
        mvc.perform(get("http://" + fixtures.hostOf(broken) + "/api/v1/tenant")).andExpect(status().isOk());

        var third = withExtra.migrateAll();
        assertThat(third.failures()).isEmpty();
        assertThat(third.migrated()).isZero();
        assertThat(third.upToDate()).isEqualTo(third.tenants());
    }

    @Test
    void aNoOpRunChangesNothingAndKeepsEveryTenantServing() throws Exception {
        var tenant = fixtures.activeTenant("noop");

        var report = migrator.migrateAll();

        assertThat(report.failures()).isEmpty();
        assertThat(report.migrated()).isZero();
        assertThat(states.of(tenant.id()).orElseThrow().state()).isEqualTo(MigrationState.CURRENT);
        mvc.perform(get("http://" + fixtures.hostOf(tenant) + "/api/v1/tenant")).andExpect(status().isOk());
    }

    @Test
    void tenantsBehindTheLatestVersionAreMarkedPendingUntilMigrated() throws Exception {
        var tenant = fixtures.activeTenant("behind");
        jdbc.sql("update platform.tenant_migrations set schema_version = '1' where tenant_id = ?")
                .param(tenant.id().value())
                .update();

        states.markBehindAsPending(migrator.latestVersion());
        events.publishEvent(new TenantChanged(tenant.id()));

        assertThat(states.of(tenant.id()).orElseThrow().state()).isEqualTo(MigrationState.PENDING);
        mvc.perform(get("http://" + fixtures.hostOf(tenant) + "/api/v1/tenant"))
                .andExpect(status().isServiceUnavailable());

        migrator.migrate(tenant.id());

        assertThat(states.of(tenant.id()).orElseThrow())
                .extracting(MigrationStates.Record::state, MigrationStates.Record::schemaVersion)
                .containsExactly(MigrationState.CURRENT, migrator.latestVersion());
        mvc.perform(get("http://" + fixtures.hostOf(tenant) + "/api/v1/tenant")).andExpect(status().isOk());
    }

    @Test
    void onlyAFullRunLooksIntoSchemasRecordedAsCurrentAndCatchesDrift() {
        var tenant = fixtures.activeTenant("drift");
        setChecksumOfLatest(tenant, 42);

        var quick = migrator.migrateAll();

        assertThat(quick.failures()).isEmpty();
        assertThat(states.of(tenant.id()).orElseThrow().state()).isEqualTo(MigrationState.CURRENT);

        var full = migrator.migrateAll(TenantMigrator.Scope.ALL);

        assertThat(full.failures()).extracting(TenantMigrator.Failure::tenant).containsExactly(tenant.id());
        assertThat(states.of(tenant.id()).orElseThrow().lastError()).containsIgnoringCase("checksum mismatch");

        jdbc.sql("update " + tenant.schemaName() + ".flyway_schema_history set checksum = null where version = ?")
                .param(migrator.latestVersion())
                .update();
        setChecksumOfLatest(tenant, checksumOfLatestIn(fixtures.activeTenant("reference")));
        var repaired = migrator.migrateAll();

        assertThat(repaired.failures()).isEmpty();
        assertThat(states.of(tenant.id()).orElseThrow().state()).isEqualTo(MigrationState.CURRENT);
    }

    @Test
    void startUpPoliciesMigrateBeforeServingOrInTheBackground() throws Exception {
        var tenant = fixtures.activeTenant("policy");
        var withExtra = migratorWith("db/tenant", "db/tenant-extra-test");

        var background = new MigrationOnStartup(withExtra, template, CoreProperties.Migration.StartupPolicy.BACKGROUND);
        background.afterSingletonsInstantiated();
        assertThat(states.of(tenant.id()).orElseThrow().schemaVersion())
                .as("the background policy does nothing before the application is ready")
                .isNotEqualTo(EXTRA_VERSION);
        background.onApplicationEvent(null);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(states.of(tenant.id()).orElseThrow())
                        .extracting(MigrationStates.Record::state, MigrationStates.Record::schemaVersion)
                        .containsExactly(MigrationState.CURRENT, EXTRA_VERSION));
        mvc.perform(get("http://" + fixtures.hostOf(tenant) + "/api/v1/tenant")).andExpect(status().isOk());

        var another = fixtures.activeTenant("policy");
        var beforeServing =
                new MigrationOnStartup(withExtra, template, CoreProperties.Migration.StartupPolicy.BEFORE_SERVING);
        beforeServing.afterSingletonsInstantiated();
        assertThat(states.of(another.id()).orElseThrow().schemaVersion())
                .as("before serving means done when the call returns")
                .isEqualTo(EXTRA_VERSION);
    }

    private void setChecksumOfLatest(Tenant tenant, int checksum) {
        jdbc.sql("update " + tenant.schemaName() + ".flyway_schema_history set checksum = ? where version = ?")
                .params(checksum, migrator.latestVersion())
                .update();
    }

    private int checksumOfLatestIn(Tenant tenant) {
        return jdbc.sql("select checksum from " + tenant.schemaName() + ".flyway_schema_history where version = ?")
                .param(migrator.latestVersion())
                .query(Integer.class)
                .single();
    }

    private TenantMigrator migratorWith(String... locations) {
        return new TenantMigrator(
                connections.dataSource(), registry, jobs, states, List.of(locations), properties.migration());
    }

    private List<Tenant> provision(int count) throws Exception {
        var executor = Executors.newFixedThreadPool(4);
        try {
            var futures = new ArrayList<Future<Tenant>>();
            for (int i = 0; i < count; i++) {
                futures.add(executor.submit(() -> fixtures.activeTenant("fifty")));
            }
            var tenants = new ArrayList<Tenant>();
            for (var future : futures) {
                tenants.add(future.get());
            }
            return tenants;
        } finally {
            executor.shutdownNow();
        }
    }

    private boolean tableExists(Tenant tenant, String table) {
        return jdbc.sql("select count(*) from pg_tables where schemaname = ? and tablename = ?")
                        .params(tenant.schemaName(), table)
                        .query(Long.class)
                        .single()
                == 1;
    }
}
