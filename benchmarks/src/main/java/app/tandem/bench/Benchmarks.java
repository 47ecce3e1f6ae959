package app.tandem.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Entry point of {@code benchmarks/run}: runs the benchmark named by the first argument and prints its figures as
 * the last line of stdout, one JSON object. Exits 0 on success, 1 when the benchmark fails and 2 on a usage error.
 */
public final class Benchmarks {

    static final String USAGE = """
            Usage: benchmarks/run <benchmark> [options]

            Benchmarks:
              tenancy [--tenants N]   provisioning vs plain Flyway, migrating every tenant, and requests
                                      served for one tenant vs for many; N tenants in total (default 1000)
              matching                optimal bulk matching of 1,000 mentors and 3,000 mentees against OR-Tools
                                      and a greedy pass, and suggestions for one mentee among 5,000 mentors
              billing [--tenants N]   enrolling with seat metering on vs off, signed Stripe webhooks per second,
                                      and syncing the seat quantity of N tenants (default 1000) to a Stripe stub
            """;

    private Benchmarks() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("matching")) {
            System.exit(runMatching());
        }
        if (args.length == 0 || !(args[0].equals("tenancy") || args[0].equals("billing"))) {
            System.err.print(USAGE);
            System.exit(2);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            if (args[0].equals("billing")) {
                var options = BillingBenchmark.Options.parse(rest);
                quietLoggingUntilSpringBootConfiguresIt();
                System.exit(runBilling(options));
            }
            var options = TenancyBenchmark.Options.parse(rest);
            quietLoggingUntilSpringBootConfiguresIt();
            System.exit(runTenancy(options));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    /**
     * Until the application starts, Logback runs unconfigured and writes every INFO line (all of initdb's output) to
     * stdout. The benchmark's own progress goes to stderr, so WARN is all that stdout needs; Spring Boot replaces this
     * with its own configuration when the application starts.
     */
    private static void quietLoggingUntilSpringBootConfiguresIt() {
        LoggingSystem.get(Benchmarks.class.getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
    }

    private static int runMatching() {
        return run("matching", () -> {
            var result = new MatchingBenchmark().run();
            result.targets().forEach(target -> Progress.say("target %s", target));
            return result.toJson();
        });
    }

    private static int runBilling(BillingBenchmark.Options options) {
        return run("billing", () -> {
            var result = new BillingBenchmark(options).run();
            say(result.targets());
            return result.toJson();
        });
    }

    private static int runTenancy(TenancyBenchmark.Options options) {
        return run("tenancy", () -> {
            var result = new TenancyBenchmark(options).run();
            say(result.targets());
            return result.toJson();
        });
    }

    private static void say(List<Target> targets) {
        for (var target : targets) {
            Progress.say("target %s: %s", target.description(), target.met() ? "met" : "NOT met");
        }
    }

    /** Runs a benchmark that returns its figures as JSON; prints them and returns the exit code. */
    private static int run(String name, Supplier<String> benchmark) {
        try {
            var json = benchmark.get();
            // Printed only now that all the benchmark started is closed, so that nothing it logs follows it.
            System.out.println(json);
            System.out.flush();
            return 0;
        } catch (BenchmarkFailure e) {
            System.err.println("The " + name + " benchmark failed: " + e.getMessage());
            return 1;
        } catch (RuntimeException | Error e) {
            System.err.println("The " + name + " benchmark failed unexpectedly: " + e);
            e.printStackTrace();
            return 1;
        }
    }
}
