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
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
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

    /** Which tenants a run hands to Flyway. */
    public enum Scope {
        /**
         * Only tenants whose recorded state is not CURRENT at the latest version; the others are counted up to date
         * without a round trip. Start-up uses this: with nothing pending, a run over thousands of tenants is one query.
         */
        BEHIND,
        /**
         * Every tenant: those recorded as current are validated by Flyway (applied migrations against the scripts,
         * checksums included) and migrated if anything is off. For operators who suspect a schema was changed by hand.
         */
        ALL
    }

    /** Migrates every tenant that is behind; see {@link Scope#BEHIND}. */
    public Report migrateAll() {
        return migrateAll(Scope.BEHIND);
    }

    /** Migrates (and with {@link Scope#ALL} validates) tenant schemas and waits until all are done. */
    public Report migrateAll(Scope scope) {
        long started = System.nanoTime();
        var latest = latestVersion();
        List<Tenant> tenants = registry.tenantsWithSchema();
        var recorded = states.all();
        var behind = tenants.stream()
                .filter(tenant -> !isCurrent(recorded.get(tenant.id()), latest))
                .toList();
        states.markBehindAsPending(latest);
        var outcomes = new ConcurrentHashMap<TenantId, Outcome>();
        var work = scope == Scope.ALL ? tenants : behind;
        var behindIds = behind.stream().map(Tenant::id).collect(Collectors.toSet());
        jobs.forEach(
                "migrate-tenants",
                work,
                workers,
                tenant -> outcomes.put(
                        tenant.id(), behindIds.contains(tenant.id()) ? migrate(tenant.id()) : verify(tenant.id())));
        var failures = new ArrayList<Failure>();
        for (var tenant : work) {
            if (outcomes.get(tenant.id()) == Outcome.FAILED) {
                var error = states.of(tenant.id())
                        .map(MigrationStates.Record::lastError)
                        .orElse("unknown error");
                failures.add(new Failure(tenant.id(), tenant.slug().value(), error));
            }
        }
        int migrated = count(outcomes, Outcome.MIGRATED);
        var report = new Report(
                tenants.size(),
                migrated,
                tenants.size() - migrated - failures.size(),
                List.copyOf(failures),
                elapsedSince(started));
        if (report.succeeded()) {
            log.info(
                    "Tenant schemas: {} at {}, {} migrated, in {} ms",
                    report.tenants(),
                    latest,
                    report.migrated(),
                    report.duration().toMillis());
        } else {
            log.error(
                    "Tenant schemas: {} checked in {} ms; {} FAILED: {}",
                    report.tenants(),
                    report.duration().toMillis(),
                    failures.size(),
                    failures.stream().map(Failure::slug).toList());
        }
        return report;
    }

    private static boolean isCurrent(MigrationStates.Record record, String latest) {
        return record != null
                && record.state() == MigrationState.CURRENT
                && latest != null
                && latest.equals(record.schemaVersion());
    }

    private static int count(Map<TenantId, Outcome> outcomes, Outcome outcome) {
        return (int) outcomes.values().stream().filter(outcome::equals).count();
    }

    /**
     * Brings one tenant's schema up to date and records the outcome; never throws for a migration failure. The tenant
     * answers 503 while this runs.
     */
    public Outcome migrate(TenantId tenant) {
        long started = System.nanoTime();
        try {
            states.migrating(tenant);
            var result = flyway(tenant.schemaName(), false).migrate();
            states.current(tenant, versionAfter(result), elapsedSince(started));
            return result.migrationsExecuted > 0 ? Outcome.MIGRATED : Outcome.UP_TO_DATE;
        } catch (RuntimeException e) {
            log.warn("Migration of tenant {} failed: {}", tenant, e.getMessage());
            states.failed(tenant, describe(e), elapsedSince(started));
            return Outcome.FAILED;
        }
    }

    /** Validates a schema recorded as current without taking it offline; migrates it only if Flyway objects. */
    Outcome verify(TenantId tenant) {
        try {
            var validation = flyway(tenant.schemaName(), false).validateWithResult();
            if (validation.validationSuccessful) {
                return Outcome.UP_TO_DATE;
            }
            log.warn("Tenant {} failed validation: {}", tenant, validation.getAllErrorMessages());
        } catch (RuntimeException e) {
            log.warn("Validation of tenant {} failed: {}", tenant, e.getMessage());
        }
        return migrate(tenant);
    }

    /**
     * Creates a tenant's schema and applies every migration with plain Flyway. Slower than
     * {@link SchemaTemplate#createSchema}, which uses it only when a migration cannot be replayed in one transaction.
     */
    public void migrateNewSchema(TenantId tenant) {
        long started = System.nanoTime();
        var result = flyway(tenant.schemaName(), true).migrate();
        states.current(tenant, versionAfter(result), elapsedSince(started));
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

    /** Flyway leaves the target version empty when it had nothing to apply. */
    private static String versionAfter(MigrateResult result) {
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
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
