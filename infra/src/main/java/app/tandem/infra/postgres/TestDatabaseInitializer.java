package app.tandem.infra.postgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at a fresh database on the JVM's {@link TestPostgres}, so that contexts never see each
 * other's tenants. Use it with {@code @ContextConfiguration(initializers = TestDatabaseInitializer.class)}.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var database = TestPostgres.get().createDatabase();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("tandemTestDatabase", database.asDataSourceProperties()));
    }
}
