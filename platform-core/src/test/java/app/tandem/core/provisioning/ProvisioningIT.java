package app.tandem.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.migration.MigrationState;
import app.tandem.core.migration.MigrationStates;
import app.tandem.core.migration.SchemaTemplate;
import app.tandem.core.migration.TenantMigrator;
import app.tandem.core.tenant.AddressTaken;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.core.test.FlakyProvisioningStep;
import app.tandem.core.test.IntegrationTest;
import app.tandem.core.test.TenantFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@Import(FlakyProvisioningStep.class)
class ProvisioningIT {

    @Autowired
    TenantProvisioning provisioning;

    @Autowired
    TenantRegistry registry;

    @Autowired
    MigrationStates migrationStates;

    @Autowired
    TenantMigrator migrator;

    @Autowired
    SchemaTemplate template;

    @Autowired
    FlakyProvisioningStep flaky;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void provisionsATenantThroughEveryStepInOrder() throws Exception {
        var slug = TenantFixtures.uniqueSlug("full");

        var job = provisioning.provision(ProvisionTenant.of(slug, "Full Steps School", TenantKind.SCHOOL));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.steps())
                .extracting(JobStep::name)
                .containsExactly("create-schema", "seed-organization-settings", "test-flaky");
        assertThat(job.steps()).allSatisfy(step -> assertThat(step.status()).isEqualTo(StepStatus.DONE));
        var tenant = registry.findBySlug(slug).orElseThrow();
        assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(tenant.kind()).isEqualTo(TenantKind.SCHOOL);
        assertThat(schemaExists(tenant.schemaName())).isTrue();
        assertThat(migrationStates.of(tenant.id()).orElseThrow())
                .extracting(MigrationStates.Record::state, MigrationStates.Record::schemaVersion)
                .containsExactly(MigrationState.CURRENT, migrator.latestVersion());
        mvc.perform(get("http://" + slug + ".localhost/api/v1/tenant"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("SCHOOL"));
    }

    @Test
    void resumesAJobWhoseNodeDiedBetweenSteps() throws Exception {
        var slug = TenantFixtures.uniqueSlug("crash");
        var job = provisioning.start(ProvisionTenant.of(slug, "Crash Association", TenantKind.ASSOCIATION));
        assertThat(provisioning.advance(job.id())).isTrue();
        leaseHeldByADeadNodeUntil(job, Instant.now().plus(Duration.ofMinutes(1)));

        mvc.perform(get("http://" + slug + ".localhost/api/v1/tenant"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/tenant-provisioning"));
        assertThat(provisioning.resumeAbandoned(Instant.now()))
                .noneMatch(resumed -> resumed.id().equals(job.id()));
        assertThat(provisioning.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);

        var resumed = provisioning.resumeAbandoned(Instant.now().plus(Duration.ofMinutes(2)));

        assertThat(resumed).anySatisfy(done -> {
            assertThat(done.id()).isEqualTo(job.id());
            assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        });
        assertThat(registry.findBySlug(slug).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(provisioning.find(job.id()).orElseThrow().steps().get(0).attempts())
                .as("a step done before the crash is not applied again")
                .isEqualTo(1);
        mvc.perform(get("http://" + slug + ".localhost/api/v1/tenant")).andExpect(status().isOk());
    }

    @Test
    void aStepThatKeepsFailingStopsTheJobAndDiscardingUndoesEverything() {
        var slug = TenantFixtures.uniqueSlug("doomed");
        flaky.failFor(slug);

        var job = provisioning.provision(ProvisionTenant.of(slug, "Doomed Company", TenantKind.COMPANY));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.failedStep()).isEqualTo("test-flaky");
        assertThat(job.lastError()).contains("the flaky step refuses " + slug);
        assertThat(job.steps().get(2).attempts()).isEqualTo(3);
        assertThat(provisioning.failedJobs()).extracting(ProvisioningJob::id).contains(job.id());
        var tenant = registry.findBySlug(slug).orElseThrow();
        assertThat(tenant.status()).as("never a half tenant that looks active").isEqualTo(TenantStatus.PROVISIONING);

        var discarded = provisioning.discard(job.id());

        assertThat(discarded.status()).isEqualTo(JobStatus.ROLLED_BACK);
        assertThat(discarded.steps())
                .extracting(JobStep::status)
                .containsExactly(StepStatus.COMPENSATED, StepStatus.COMPENSATED, StepStatus.COMPENSATED);
        assertThat(flaky.compensated()).contains(slug);
        assertThat(schemaExists(tenant.schemaName())).isFalse();
        assertThat(registry.findBySlug(slug)).isEmpty();
        assertThat(registry.isSlugAvailable(slug)).isTrue();
    }

    @Test
    void retryingAfterTheCauseIsFixedFinishesTheJob() {
        var slug = TenantFixtures.uniqueSlug("retry");
        flaky.failFor(slug);
        var failed = provisioning.provision(ProvisionTenant.of(slug, "Retry Association", TenantKind.ASSOCIATION));
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);

        flaky.stopFailingFor(slug);
        var retried = provisioning.retry(failed.id());

        assertThat(retried.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(retried.failedStep()).isNull();
        assertThat(registry.findBySlug(slug).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void aTakenSlugIsRefusedAndNothingIsRecorded() {
        var slug = TenantFixtures.uniqueSlug("taken");
        provisioning.provision(ProvisionTenant.of(slug, "First", TenantKind.ASSOCIATION));
        var tenant = registry.findBySlug(slug).orElseThrow();

        assertThatThrownBy(() -> provisioning.start(ProvisionTenant.of(slug, "Second", TenantKind.COMPANY)))
                .isInstanceOf(AddressTaken.class)
                .hasMessageContaining(slug);

        assertThat(provisioning.jobsOf(tenant.id())).hasSize(1);
        assertThat(jdbc.sql("select count(*) from platform.provisioning_jobs where slug = ?")
                        .param(slug)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(registry.findBySlug(slug).orElseThrow().displayName()).isEqualTo("First");
    }

    @Test
    void theTemplateBuildsTheSameSchemaAsPlainFlyway() {
        var fromTemplate = provisioning.start(
                ProvisionTenant.of(TenantFixtures.uniqueSlug("tmpl"), "Template", TenantKind.SCHOOL));
        var fromFlyway =
                provisioning.start(ProvisionTenant.of(TenantFixtures.uniqueSlug("flyw"), "Flyway", TenantKind.SCHOOL));

        template.createSchema(fromTemplate.tenantId());
        migrator.migrateNewSchema(fromFlyway.tenantId());

        var templateSchema = fromTemplate.tenantId().schemaName();
        var flywaySchema = fromFlyway.tenantId().schemaName();
        assertThat(catalog(templateSchema)).isNotEmpty().isEqualTo(catalog(flywaySchema));
        assertThat(history(templateSchema)).isNotEmpty().isEqualTo(history(flywaySchema));
        assertThat(migrator.migrate(fromTemplate.tenantId())).isEqualTo(TenantMigrator.Outcome.UP_TO_DATE);
        provisioning.run(fromTemplate.id());
        provisioning.run(fromFlyway.id());
    }

    private List<String> catalog(String schema) {
        var columns = jdbc.sql("""
                        select table_name || '.' || column_name || ' ' || data_type || ' '
                               || coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' '
                               || coalesce(column_default, '')
                        from information_schema.columns where table_schema = ? order by 1""").param(schema).query(String.class).list();
        var indexes = jdbc.sql(
                        "select replace(indexdef, schemaname, 'S') from pg_indexes where schemaname = ? order by 1")
                .param(schema)
                .query(String.class)
                .list();
        var constraints = jdbc.sql("""
                        select c.conname || ' ' || pg_get_constraintdef(c.oid)
                        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                        where n.nspname = ? order by 1""").param(schema).query(String.class).list();
        var all = new java.util.ArrayList<String>(columns);
        all.addAll(indexes);
        all.addAll(constraints);
        return all;
    }

    private List<String> history(String schema) {
        return jdbc.sql("select coalesce(version, '-') || ' ' || script || ' ' || coalesce(checksum::text, '') || ' '"
                        + " || success from " + schema + ".flyway_schema_history where type <> 'SCHEMA'"
                        + " order by installed_rank")
                .query(String.class)
                .list();
    }

    private boolean schemaExists(String schema) {
        return jdbc.sql("select count(*) from pg_namespace where nspname = ?")
                        .param(schema)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private void leaseHeldByADeadNodeUntil(ProvisioningJob job, Instant until) {
        jdbc.sql("update platform.provisioning_jobs set lease_owner = 'dead-node', lease_until = ? where id = ?")
                .params(java.sql.Timestamp.from(until), job.id())
                .update();
    }
}
