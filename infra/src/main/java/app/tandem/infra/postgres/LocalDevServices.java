package app.tandem.infra.postgres;

import app.tandem.infra.keycloak.KeycloakServer;
import app.tandem.infra.mail.LocalMailbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the dev services of a local run before the application context refreshes, each unless the run is configured
 * to use a real one:
 *
 * <ul>
 *   <li>a dev mailbox (see {@link LocalMailbox}) unless {@code spring.mail.host} is configured or
 *       {@code tandem.dev.mailbox.enabled} is false: SMTP on {@code tandem.dev.smtp-port} (default 2525), where the
 *       application ({@code spring.mail.*}) and the dev Keycloak send their mail, and its page on
 *       {@code tandem.dev.mailbox-port} (default 8025), whose address it puts in {@value #MAILBOX_URL};
 *   <li>an embedded PostgreSQL whenever no {@code spring.datasource.url} is configured, with its data in
 *       {@code tandem.dev.data-dir} (default {@code ~/.tandem/dev}) on {@code tandem.dev.postgres-port} (default 5433,
 *       0 for any free port);
 *   <li>Keycloak with the Tandem realm, unless {@code tandem.identity.keycloak.base-url} is configured or
 *       {@code tandem.dev.keycloak.enabled} is false, on {@code tandem.dev.keycloak-port} (default 8180), keeping its
 *       data in the database {@code keycloak} of that embedded PostgreSQL and its log in
 *       {@code <data-dir>/keycloak.log}. Its administrator is admin / admin, and the realm sends mail to localhost on
 *       {@code tandem.dev.smtp-port} (default 2525).
 * </ul>
 *
 * The services stop after everything else when the context closes, Keycloak before PostgreSQL, the mailbox last.
 */
public class LocalDevServices implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The property that holds the dev mailbox page's address while it runs. */
    public static final String MAILBOX_URL = "tandem.dev.mailbox-url";

    private static final Logger log = LoggerFactory.getLogger(LocalDevServices.class);
    private static final String KEYCLOAK_DATABASE = "keycloak";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        // First, so that it is stopped last: whatever sends mail stops before the server it sends to.
        var mailbox = startMailbox(context, environment);
        int smtpPort = mailbox == null
                ? environment.getProperty("tandem.dev.smtp-port", Integer.class, 2525)
                : mailbox.smtpPort();
        if (environment.containsProperty("spring.datasource.url")) {
            if (wantsKeycloak(environment)) {
                log.info("No dev Keycloak: it keeps its data in the embedded PostgreSQL, which does not run when"
                        + " spring.datasource.url is set. Set tandem.identity.keycloak.base-url to a Keycloak of your"
                        + " own, or tandem.dev.keycloak.enabled=false to say you need none.");
            }
            return;
        }
        var dataDirectory = Path.of(environment.getProperty(
                "tandem.dev.data-dir",
                Path.of(System.getProperty("user.home"), ".tandem", "dev").toString()));
        int port = environment.getProperty("tandem.dev.postgres-port", Integer.class, 5433);
        LocalPostgres postgres;
        try {
            postgres = LocalPostgres.start(dataDirectory.resolve("postgres"), port);
        } catch (RuntimeException e) {
            closeQuietly("tandemLocalMailbox", mailbox);
            throw e;
        }
        addProperties(environment, "tandemLocalPostgres", postgres.coordinates().asDataSourceProperties());
        // Registered before any other bean, so it is destroyed after all of them: the connection pools close and the
        // web server drains before PostgreSQL stops.
        stopOnClose(context, "tandemLocalPostgres", postgres);
        if (!wantsKeycloak(environment)) {
            return;
        }
        KeycloakServer keycloak;
        try {
            keycloak = startKeycloak(environment, postgres, dataDirectory, smtpPort);
        } catch (RuntimeException e) {
            // The context never refreshes, so it would never close PostgreSQL or the mailbox either.
            postgres.close();
            closeQuietly("tandemLocalMailbox", mailbox);
            throw e;
        }
        addProperties(environment, "tandemLocalKeycloak", keycloak.coordinates().asProperties());
        // Registered after PostgreSQL, so destroyed before it: Keycloak keeps its data there.
        stopOnClose(context, "tandemLocalKeycloak", keycloak);
    }

    private static boolean wantsKeycloak(ConfigurableEnvironment environment) {
        return !environment.containsProperty("tandem.identity.keycloak.base-url")
                && environment.getProperty("tandem.dev.keycloak.enabled", Boolean.class, true);
    }

    private static LocalMailbox startMailbox(
            ConfigurableApplicationContext context, ConfigurableEnvironment environment) {
        if (environment.containsProperty("spring.mail.host")
                || !environment.getProperty("tandem.dev.mailbox.enabled", Boolean.class, true)) {
            return null;
        }
        var mailbox = LocalMailbox.start(
                environment.getProperty("tandem.dev.smtp-port", Integer.class, 2525),
                environment.getProperty("tandem.dev.mailbox-port", Integer.class, 8025));
        var properties = new HashMap<>(mailbox.asProperties());
        properties.put(MAILBOX_URL, mailbox.pageUrl().toString());
        addProperties(environment, "tandemLocalMailbox", properties);
        stopOnClose(context, "tandemLocalMailbox", mailbox);
        return mailbox;
    }

    private static KeycloakServer startKeycloak(
            ConfigurableEnvironment environment, LocalPostgres postgres, Path dataDirectory, int smtpPort) {
        postgres.createDatabaseIfMissing(KEYCLOAK_DATABASE);
        var database = postgres.coordinates(KEYCLOAK_DATABASE);
        int port = environment.getProperty("tandem.dev.keycloak-port", Integer.class, 8180);
        var logFile = dataDirectory.resolve("keycloak.log");
        // admin / admin is a dev-only bootstrap administrator; Keycloak binds to 127.0.0.1 only.
        var settings =
                new KeycloakServer.Settings(database, port, "admin", "admin", smtpPort, logFile, Duration.ofMinutes(3));
        return KeycloakServer.start(settings);
    }

    private static void addProperties(
            ConfigurableEnvironment environment, String name, Map<String, Object> properties) {
        environment.getPropertySources().addFirst(new MapPropertySource(name, properties));
    }

    private static void stopOnClose(ConfigurableApplicationContext context, String name, AutoCloseable service) {
        // Disposable beans are destroyed in reverse order of registration.
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(name, service::close);
        } else {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(name, service), name + "-stop"));
        }
    }

    private static void closeQuietly(String name, AutoCloseable service) {
        if (service == null) {
            return;
        }
        try {
            service.close();
        } catch (Exception e) {
            log.warn("{} did not stop cleanly", name, e);
        }
    }
}
