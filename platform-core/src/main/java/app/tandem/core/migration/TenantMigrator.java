package app.tandem.core.migration;

import app.tandem.core.CoreProperties;
import app.tandem.core.context.TenantJobs;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the tenant migrations to every tenant schema: {@code tandem.core.migration.workers} schemas at a time, each
 * tenant's version and outcome recorded, a failure confined to its tenant, and safe to run again at any time.
 */
public class TenantMigrator {

    private static final Logger log = LoggerFactory.getLogger(TenantMigrator.class);

    private final DataSource dataSource;
    private final TenantRegistry registry;
    private final TenantJobs jobs;
    private final MigrationStates states;
    private final TenantMigrationScripts scripts;
    private final int workers;

    /** A migrator over the migrations found in {@code locations}; the application has one for {@code db/tenant}. */
    public TenantMigrator(
            DataSource dataSource,
            TenantRegistry registry,
            TenantJobs jobs,
            MigrationStates states,
            List<String> locations,
            CoreProperties.Migration settings) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.jobs = jobs;
        this.states = states;
        this.scripts = TenantMigrationScripts.load(locations);
        this.workers = Math.max(1, settings.workers());
    }

    /** How one tenant's migration ended. */
    public enum Outcome {
        UP_TO_DATE,
        MIGRATED,
        FAILED
    }

    /** A tenant whose migration failed, and the error. */
    public record Failure(TenantId tenant, String slug, String error) {}

    /** The result of migrating every tenant. */
    public record Report(int tenants, int migrated, int upToDate, List<Failure> failures, Duration duration) {

        public boolean succeeded() {
            return failures.isEmpty();
        }
    }

    public TenantMigrationScripts scripts() {
        return scripts;
    }

    /** The version every schema reaches once migrated. */
    public String latestVersion() {
        var latest = scripts.latestVersion();
        return latest == null ? null : latest.getVersion();
    }

    /** Migrates every tenant that has a schema (active, suspended or awaiting deletion) and waits until all are done. */
    public Report migrateAll() {
        List<Tenant> tenants = registry.tenantsWithSchema();
        states.markBehindAsPending(latestVersion());
        var outcomes = new ConcurrentHashMap<TenantId, Outcome>();
        var run = jobs.forEach(
                "migrate-tenants", tenants, workers, tenant -> outcomes.put(tenant.id(), migrate(tenant.id())));
        var failures = new ArrayList<Failure>();
        for (var tenant : tenants) {
            if (outcomes.get(tenant.id()) == Outcome.FAILED) {
                var error = states.of(tenant.id())
                        .map(MigrationStates.Record::lastError)
                        .orElse("unknown error");
                failures.add(new Failure(tenant.id(), tenant.slug().value(), error));
            }
        }
        var report = new Report(
                tenants.size(),
                count(outcomes, Outcome.MIGRATED),
                count(outcomes, Outcome.UP_TO_DATE),
                List.copyOf(failures),
                run.duration());
        if (report.succeeded()) {
            log.info(
                    "Migrated {} tenant schemas to {} in {} ms ({} changed)",
                    report.tenants(),
                    latestVersion(),
                    report.duration().toMillis(),
                    report.migrated());
        } else {
            log.error(
                    "Migrated {} tenant schemas in {} ms; {} FAILED: {}",
                    report.tenants(),
                    report.duration().toMillis(),
                    failures.size(),
                    failures.stream().map(Failure::slug).toList());
        }
        return report;
    }

    private static int count(Map<TenantId, Outcome> outcomes, Outcome outcome) {
        return (int) outcomes.values().stream().filter(outcome::equals).count();
    }

    /** Brings one tenant's schema up to date and records the outcome; never throws for a migration failure. */
    public Outcome migrate(TenantId tenant) {
        long started = System.nanoTime();
        try {
            var flyway = flyway(tenant.schemaName(), false);
            var info = flyway.info();
            if (info.pending().length == 0 && info.current() != null) {
                var version = info.current().getVersion().getVersion();
                var recorded = states.of(tenant);
                if (recorded.isEmpty()
                        || recorded.get().state() != MigrationState.CURRENT
                        || !version.equals(recorded.get().schemaVersion())) {
                    states.current(tenant, version, elapsedSince(started));
                }
                return Outcome.UP_TO_DATE;
            }
            states.migrating(tenant);
            var result = flyway.migrate();
            states.current(tenant, result.targetSchemaVersion, elapsedSince(started));
            return result.migrationsExecuted > 0 ? Outcome.MIGRATED : Outcome.UP_TO_DATE;
        } catch (RuntimeException e) {
            log.warn("Migration of tenant {} failed: {}", tenant, e.getMessage());
            states.failed(tenant, describe(e), elapsedSince(started));
            return Outcome.FAILED;
        }
    }

    /**
     * Creates a tenant's schema and applies every migration with plain Flyway. Slower than
     * {@link SchemaTemplate#createSchema}, which uses it only when a migration cannot be replayed in one transaction.
     */
    public void migrateNewSchema(TenantId tenant) {
        long started = System.nanoTime();
        var result = flyway(tenant.schemaName(), true).migrate();
        states.current(tenant, result.targetSchemaVersion, elapsedSince(started));
    }

    /** Records a schema built from the template as current. */
    void recordCurrent(TenantId tenant, Duration took) {
        states.current(tenant, latestVersion(), took);
    }

    Flyway flyway(String schema, boolean createSchema) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(createSchema)
                .resourceProvider(scripts)
                .javaMigrationClassProvider(List::of)
                .placeholderReplacement(false)
                .validateMigrationNaming(true)
                .skipDefaultCallbacks(true)
                .cleanDisabled(true)
                .load();
    }

    private static Duration elapsedSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static String describe(Throwable error) {
        var message = new StringBuilder(String.valueOf(error.getMessage()));
        for (var cause = error.getCause(); cause != null && cause != error; cause = cause.getCause()) {
            message.append(" <- ").append(cause.getMessage());
        }
        return message.toString();
    }
}
