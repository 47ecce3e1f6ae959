package app.tandem.core.migration;

import app.tandem.core.CoreProperties;
import app.tandem.core.context.TenantJobs;
import app.tandem.core.tenant.TenantRegistry;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

    @Bean
    MigrationConnections migrationConnections(DataSourceProperties dataSource, CoreProperties properties) {
        var pool = dataSource
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        pool.setPoolName("tandem-migrations");
        pool.setMaximumPoolSize(2 * Math.max(1, properties.migration().workers()) + 2);
        pool.setMinimumIdle(0);
        pool.setIdleTimeout(Duration.ofSeconds(30).toMillis());
        return new MigrationConnections(pool);
    }

    /** The platform schema's own Flyway run (Spring Boot's) uses the migration connections too. */
    @Bean
    FlywayConfigurationCustomizer platformMigrationsOnMigrationConnections(MigrationConnections connections) {
        return configuration -> configuration.dataSource(connections.dataSource());
    }

    @Bean
    TenantMigrator tenantMigrator(
            MigrationConnections connections,
            TenantRegistry registry,
            TenantJobs jobs,
            MigrationStates states,
            CoreProperties properties) {
        return new TenantMigrator(
                connections.dataSource(),
                registry,
                jobs,
                states,
                properties.migration().locations(),
                properties.migration());
    }

    @Bean
    SchemaTemplate schemaTemplate(MigrationConnections connections, TenantMigrator migrator) {
        return new SchemaTemplate(connections.dataSource(), migrator);
    }

    @Bean
    MigrationOnStartup migrationOnStartup(TenantMigrator migrator, SchemaTemplate template, CoreProperties properties) {
        return new MigrationOnStartup(migrator, template, properties.migration().onStartup());
    }
}
