package app.tandem.bench;

import app.tandem.TandemApplication;
import app.tandem.core.CoreProperties;
import app.tandem.core.context.TenantJobs;
import app.tandem.core.migration.MigrationConnections;
import app.tandem.core.migration.MigrationStates;
import app.tandem.core.migration.SchemaTemplate;
import app.tandem.core.migration.TenantMigrator;
import app.tandem.core.provisioning.JobStatus;
import app.tandem.core.provisioning.ProvisionTenant;
import app.tandem.core.provisioning.ProvisioningJob;
import app.tandem.core.provisioning.TenantProvisioning;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.infra.keycloak.KeycloakServer;
import app.tandem.infra.postgres.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The tenancy benchmark: what schema-per-tenant costs as the number of tenants grows. In one JVM it starts a fresh
 * embedded PostgreSQL and the whole application, then measures, in this order: creating a new tenant's schema from
 * the template against plain Flyway; migrating every tenant with nothing pending and with one additive migration;
 * and requests per second when all requests go to one tenant against when they go round robin over every tenant.
 */
final class TenancyBenchmark {

    /** Iterations of the schema creation comparison, alternating the two ways so that drift hits both alike. */
    static final int PROVISION_ITERATIONS = 40;

    static final int DEFAULT_TENANTS = 1000;
    static final String API_PATH = "/api/v1/tenant";
    static final List<String> ADDITIVE_LOCATIONS = List.of("db/tenant", "db/bench-additive");

    private static final int CONNECTIONS = 8;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final int WARM_UP_ROUNDS = 6;
    private static final Duration ROUND = Duration.ofSeconds(6);
    private static final int ROUNDS = 5;
    private static final int PROGRESS_EVERY = 100;

    /** The command line options of {@code benchmarks/run tenancy}. */
    record Options(int tenants) {

        static Options parse(List<String> args) {
            return new Options(TenantsOption.parse(
                    "tenancy",
                    args,
                    DEFAULT_TENANTS,
                    PROVISION_ITERATIONS,
                    "the tenants the schema creation comparison makes"));
        }
    }

    /** The running application and the beans the benchmark drives. */
    private record Tandem(
            ConfigurableApplicationContext context,
            int port,
            TenantProvisioning provisioning,
            SchemaTemplate schemaTemplate,
            TenantMigrator migrator,
            MigrationConnections migrationConnections,
            MigrationStates migrationStates,
            TenantRegistry registry,
            TenantJobs jobs,
            CoreProperties coreProperties)
            implements AutoCloseable {

        static Tandem of(ConfigurableApplicationContext context) {
            var port = context.getEnvironment().getProperty("local.server.port", Integer.class);
            if (port == null) {
                throw new BenchmarkFailure("The application did not report local.server.port");
            }
            return new Tandem(
                    context,
                    port,
                    context.getBean(TenantProvisioning.class),
                    context.getBean(SchemaTemplate.class),
                    context.getBean(TenantMigrator.class),
                    context.getBean(MigrationConnections.class),
                    context.getBean(MigrationStates.class),
                    context.getBean(TenantRegistry.class),
                    context.getBean(TenantJobs.class),
                    context.getBean(CoreProperties.class));
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private record SchemaCreation(double templateMsP50, double flywayMsP50) {}

    private record Throughput(double oneTenant, double manyTenants) {}

    /** Which tenant hosts the requests of a load round go to, in turn. */
    private record Scenario(String name, List<String> hosts) {}

    private final Options options;

    TenancyBenchmark(Options options) {
        this.options = options;
    }

    /** Runs the benchmark; PostgreSQL, the application and the data directory are gone when it returns or throws. */
    TenancyResult run() {
        Path dataDirectory = createDataDirectory();
        try {
            Progress.say("Starting embedded PostgreSQL in %s", dataDirectory);
            try (var postgres = LocalPostgres.start(dataDirectory, 0);
                    var keycloak = startKeycloak(postgres, dataDirectory)) {
                Progress.say("Starting Tandem");
                try (var tandem = Tandem.of(startApplication(postgres, keycloak))) {
                    Progress.say("Tandem is listening on port %d", tandem.port());
                    return measure(tandem);
                } finally {
                    Progress.say("Stopping Tandem, Keycloak and PostgreSQL");
                }
            }
        } finally {
            deleteRecursively(dataDirectory);
        }
    }

    private TenancyResult measure(Tandem tandem) {
        var schemaCreation = compareSchemaCreation(tandem);
        createRemainingTenants(tandem);
        double noop = migrateAllWithNothingPending(tandem, TenantMigrator.Scope.BEHIND);
        double validateAll = migrateAllWithNothingPending(tandem, TenantMigrator.Scope.ALL);
        double additive = migrateAllWithAdditiveMigration(tandem);
        var throughput = compareThroughput(tandem);
        return new TenancyResult(
                options.tenants(),
                schemaCreation.templateMsP50(),
                schemaCreation.flywayMsP50(),
                noop,
                validateAll,
                additive,
                throughput.oneTenant(),
                throughput.manyTenants(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }

    /**
     * Every tenant is provisioned in full, its Keycloak organization and redirect URI included, so the Keycloak the
     * application needs runs beside it on the same PostgreSQL.
     */
    static KeycloakServer startKeycloak(LocalPostgres postgres, Path dataDirectory) {
        Progress.say("Starting Keycloak");
        postgres.createDatabaseIfMissing("keycloak");
        return KeycloakServer.start(KeycloakServer.Settings.of(
                postgres.coordinates("keycloak"),
                "admin",
                UUID.randomUUID().toString(),
                dataDirectory.resolve("keycloak.log")));
    }

    private static ConfigurableApplicationContext startApplication(LocalPostgres postgres, KeycloakServer keycloak) {
        return startApplication(postgres, keycloak, List.of());
    }

    /**
     * The whole application on a free port, on {@code postgres} and {@code keycloak}, with {@code settings}
     * ({@code --name=value}) besides the benchmarks' own.
     */
    static ConfigurableApplicationContext startApplication(
            LocalPostgres postgres, KeycloakServer keycloak, List<String> settings) {
        // Command line arguments outrank application.yml (default properties would not: server.port is set there).
        var args = new ArrayList<String>();
        postgres.coordinates().asDataSourceProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        keycloak.coordinates().asProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--tandem.core.public-url.scheme=http");
        args.add("--tandem.core.public-url.port=0");
        args.add("--server.port=0");
        args.add("--logging.level.root=warn");
        args.add("--logging.level.app.tandem.bench=info");
        args.add("--spring.datasource.hikari.maximum-pool-size=20");
        args.addAll(settings);
        return new SpringApplicationBuilder(TandemApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    /**
     * Times only the creation of the schema, the part the template speeds up: the tenant is registered before the
     * clock starts and its provisioning job finishes after it stops (its create-schema step finds the schema there).
     */
    private SchemaCreation compareSchemaCreation(Tandem tandem) {
        Progress.say("Schema creation: template vs plain Flyway, %d tenants alternating", PROVISION_ITERATIONS);
        tandem.schemaTemplate().prepare();
        var template = new ArrayList<Double>();
        var flyway = new ArrayList<Double>();
        for (int i = 1; i <= PROVISION_ITERATIONS; i++) {
            var job = tandem.provisioning().start(request(i));
            var tenant = job.tenantId();
            long started = System.nanoTime();
            if (i % 2 == 1) {
                tandem.schemaTemplate().createSchema(tenant);
                template.add(Samples.millisSince(started));
            } else {
                tandem.migrator().migrateNewSchema(tenant);
                flyway.add(Samples.millisSince(started));
            }
            requireSucceeded(tandem.provisioning().run(job.id()));
        }
        var result = new SchemaCreation(Samples.median(template), Samples.median(flyway));
        Progress.say(
                "Schema creation p50: template %.2f ms, plain Flyway %.2f ms",
                result.templateMsP50(), result.flywayMsP50());
        return result;
    }

    private void createRemainingTenants(Tandem tandem) {
        Progress.say("Provisioning tenants %d to %d", PROVISION_ITERATIONS + 1, options.tenants());
        long started = System.nanoTime();
        long batchStarted = started;
        for (int i = PROVISION_ITERATIONS + 1; i <= options.tenants(); i++) {
            requireSucceeded(tandem.provisioning().provision(request(i)));
            if (i % PROGRESS_EVERY == 0 || i == options.tenants()) {
                Progress.say(
                        "%d/%d tenants (last batch %.1f ms per tenant)",
                        i,
                        options.tenants(),
                        Samples.millisSince(batchStarted)
                                / (i % PROGRESS_EVERY == 0 ? PROGRESS_EVERY : i % PROGRESS_EVERY));
                batchStarted = System.nanoTime();
            }
        }
        Progress.say(
                "Provisioned %d tenants in %.1f s",
                options.tenants() - PROVISION_ITERATIONS, Samples.secondsSince(started));
    }

    /**
     * {@code BEHIND} is what start-up runs: tenants recorded current are skipped. {@code ALL} also hands every tenant
     * to Flyway, which validates its history against the scripts: what an operator's full check costs.
     */
    private double migrateAllWithNothingPending(Tandem tandem, TenantMigrator.Scope scope) {
        Progress.say("migrateAll(%s) with nothing pending", scope);
        long started = System.nanoTime();
        var report = tandem.migrator().migrateAll(scope);
        double seconds = Samples.secondsSince(started);
        requireAllMigrated(report, 0);
        Progress.say("No-op migration (%s) of %d tenants took %.2f s", scope, report.tenants(), seconds);
        return seconds;
    }

    private double migrateAllWithAdditiveMigration(Tandem tandem) {
        Progress.say("migrateAll() with one additive migration (db/bench-additive)");
        // A second migrator with one more location stands in for the next release's migrator.
        var migrator = new TenantMigrator(
                tandem.migrationConnections().dataSource(),
                tandem.registry(),
                tandem.jobs(),
                tandem.migrationStates(),
                ADDITIVE_LOCATIONS,
                tandem.coreProperties().migration());
        long started = System.nanoTime();
        var report = migrator.migrateAll();
        double seconds = Samples.secondsSince(started);
        requireAllMigrated(report, options.tenants());
        Progress.say("Additive migration of %d tenants took %.2f s", report.tenants(), seconds);
        return seconds;
    }

    private Throughput compareThroughput(Tandem tandem) {
        var tenants = tandem.registry().activeTenants();
        if (tenants.size() != options.tenants()) {
            throw new BenchmarkFailure(
                    "Expected " + options.tenants() + " active tenants before the load, found " + tenants.size());
        }
        var hosts = tenants.stream()
                .map(tenant -> tandem.registry().subdomainHost(tenant.slug()).value())
                .toList();
        var load = new HttpLoad(tandem.port(), API_PATH, CONNECTIONS);

        // Each host must answer for its own tenant, or the figures would measure the wrong thing.
        Progress.say("Checking that each of the %d tenant hosts answers %s for its tenant", hosts.size(), API_PATH);
        var bodies = load.fetchEach(hosts);
        for (int i = 0; i < tenants.size(); i++) {
            var slug = tenants.get(i).slug().value();
            if (!bodies.get(i).contains("\"slug\":\"" + slug + "\"")) {
                throw new BenchmarkFailure(
                        "Host " + hosts.get(i) + " did not answer for tenant " + slug + ": " + bodies.get(i));
            }
        }

        settleDatabase(tandem);
        var oneTenant = new Scenario("1 tenant", List.of(hosts.get(0)));
        var manyTenants = new Scenario(hosts.size() + " tenants", hosts);
        Progress.say(
                "Load: %d connections, warm-up %d x %d s per scenario, then %d rounds of %d s per scenario",
                CONNECTIONS, WARM_UP_ROUNDS, WARM_UP.toSeconds(), ROUNDS, ROUND.toSeconds());
        // The JIT keeps compiling for a while on two busy cores; both scenarios warm up in turn so that neither
        // inherits a colder JVM than the other.
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            run(load, "warm-up " + round, oneTenant, WARM_UP);
            run(load, "warm-up " + round, manyTenants, WARM_UP);
        }
        // Rounds go A B, B A, A B, ...: with strict alternation a steady drift (JIT, GC, autovacuum) would always
        // favour the scenario that runs second.
        var one = new ArrayList<Double>();
        var many = new ArrayList<Double>();
        for (int round = 1; round <= ROUNDS; round++) {
            boolean oneFirst = round % 2 == 1;
            var first = oneFirst ? oneTenant : manyTenants;
            var second = oneFirst ? manyTenants : oneTenant;
            double firstRps = run(load, "round " + round, first, ROUND).rps();
            double secondRps = run(load, "round " + round, second, ROUND).rps();
            one.add(oneFirst ? firstRps : secondRps);
            many.add(oneFirst ? secondRps : firstRps);
        }
        return new Throughput(Samples.median(one), Samples.median(many));
    }

    /**
     * Provisioning and migrating a thousand schemas leaves PostgreSQL with a lot of WAL to checkpoint; done now, the
     * checkpoint's writes do not land in the middle of a measured round.
     */
    private static void settleDatabase(Tandem tandem) {
        try (var connection = tandem.migrationConnections().dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("checkpoint");
        } catch (SQLException e) {
            throw new BenchmarkFailure("Could not checkpoint PostgreSQL before the load: " + e.getMessage(), e);
        }
    }

    private static HttpLoad.Round run(HttpLoad load, String label, Scenario scenario, Duration duration) {
        var round = load.run(scenario.hosts(), duration);
        Progress.say(
                "%s, %s: %d responses in %.2f s = %.1f requests/s",
                label, scenario.name(), round.responses(), round.seconds(), round.rps());
        return round;
    }

    static ProvisionTenant request(int number) {
        var suffix = String.format(Locale.ROOT, "%04d", number);
        return ProvisionTenant.of("bench-" + suffix, "Bench Tenant " + suffix, TenantKind.ASSOCIATION);
    }

    static void requireSucceeded(ProvisioningJob job) {
        if (job.status() != JobStatus.SUCCEEDED) {
            throw new BenchmarkFailure("Provisioning of " + job.slug() + " ended " + job.status() + " at step "
                    + job.failedStep() + ": " + job.lastError());
        }
    }

    private static void requireAllMigrated(TenantMigrator.Report report, int expectedMigrated) {
        if (!report.succeeded()) {
            throw new BenchmarkFailure(
                    "Migration failed for " + report.failures().size() + " of " + report.tenants() + " tenants, first: "
                            + report.failures().get(0));
        }
        if (report.migrated() != expectedMigrated) {
            throw new BenchmarkFailure("Expected " + expectedMigrated + " tenant schemas to be migrated, but "
                    + report.migrated() + " of " + report.tenants() + " were");
        }
    }

    static Path createDataDirectory() {
        try {
            return Files.createTempDirectory("tandem-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for PostgreSQL", e);
        }
    }

    static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // Leaving a temporary directory behind must not turn a successful run into a failed one.
            Progress.say("Could not delete %s: %s", directory, e.getMessage());
        }
    }
}
