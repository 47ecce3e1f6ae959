package app.tandem;

import app.tandem.demo.DemoData;
import app.tandem.infra.postgres.LocalDevServices;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Starts the whole platform on a machine with only a JDK: {@code ./mvnw -pl app -am spring-boot:test-run}. It adds
 * the dev services (embedded PostgreSQL whose data is kept in {@code ~/.tandem/dev}, Keycloak with the Tandem realm
 * on it, and a dev mailbox page), seeds the demo tenant and prints where everything is.
 */
public final class TandemLocal {

    private TandemLocal() {}

    public static void main(String[] args) {
        new SpringApplicationBuilder(TandemApplication.class)
                .initializers(new LocalDevServices())
                .properties(
                        "tandem.demo.enabled=true",
                        // Browsers reach local runs over plain HTTP on the server's own port.
                        "tandem.core.public-url.scheme=http",
                        "tandem.core.public-url.port=0")
                // A class, not a lambda: the event multicaster (Spring Modulith's) routes by the listener's declared
                // event type, which a lambda erases, and would hand it every event.
                .listeners(new ApplicationListener<ApplicationReadyEvent>() {
                    @Override
                    public void onApplicationEvent(ApplicationReadyEvent event) {
                        printWelcome(event.getApplicationContext().getEnvironment());
                    }
                })
                .run(args);
    }

    private static void printWelcome(Environment environment) {
        var port = environment.getProperty("local.server.port", "8080");
        var base = environment.getProperty("tandem.core.base-domain", "localhost");
        System.out.printf(
                """

                ================================================================================
                 Tandem is running
                   Platform site   http://%2$s:%1$s
                   Demo tenant     http://demo.%2$s:%1$s
                   Demo API        http://demo.%2$s:%1$s/api/v1/tenant
                   API docs        http://%2$s:%1$s/swagger-ui.html
                   Metrics         http://%2$s:%1$s/actuator/prometheus
                   PostgreSQL      %3$s
                   Keycloak        %5$s (admin console: admin / admin)
                   Mailbox         %8$s
                   Operator area   http://%2$s:%1$s/operator
                 Demo logins (password %6$s):
                %7$s
                 Stop with Ctrl+C. Data is kept in %4$s between runs.
                ================================================================================

                """,
                port,
                base,
                environment.getProperty("spring.datasource.url"),
                environment.getProperty("tandem.dev.data-dir", System.getProperty("user.home") + "/.tandem/dev"),
                environment.getProperty("tandem.identity.keycloak.base-url", "not started"),
                DemoData.PASSWORD,
                DemoData.ACCOUNTS.stream()
                        .map(account -> String.format("   %-24s %s", account.email(), account.what()))
                        .collect(Collectors.joining("\n")),
                environment.getProperty(LocalDevServices.MAILBOX_URL, "not started"));
    }
}
