package app.tandem.infra.postgres;

import java.nio.file.Path;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the dev services of a local run before the application context refreshes: an embedded PostgreSQL whenever
 * no {@code spring.datasource.url} is configured, with its data in {@code tandem.dev.data-dir} (default
 * {@code ~/.tandem/dev}) on {@code tandem.dev.postgres-port} (default 5433, 0 for any free port). The services stop
 * after everything else when the context closes.
 */
public class LocalDevServices implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        var dataDirectory = Path.of(environment.getProperty(
                "tandem.dev.data-dir",
                Path.of(System.getProperty("user.home"), ".tandem", "dev").toString()));
        int port = environment.getProperty("tandem.dev.postgres-port", Integer.class, 5433);
        var postgres = LocalPostgres.start(dataDirectory.resolve("postgres"), port);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "tandemLocalPostgres", postgres.coordinates().asDataSourceProperties()));
        // Registered before any other bean, so it is destroyed after all of them: the connection pools close and the
        // web server drains before PostgreSQL stops.
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean("tandemLocalPostgres", postgres::close);
        } else {
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "tandem-local-postgres-stop"));
        }
    }
}
