package app.tandem.core.persistence;

import org.hibernate.cfg.MultiTenancySettings;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Switches Hibernate to schema-based multi-tenancy over the application's single DataSource. */
@Configuration(proxyBeanMethods = false)
class TenancyPersistenceConfiguration {

    @Bean
    HibernatePropertiesCustomizer tenantSchemaMultiTenancy() {
        var schemas = new TenantSchemas();
        return properties -> {
            properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, schemas);
            properties.put(MultiTenancySettings.MULTI_TENANT_SCHEMA_MAPPER, schemas);
        };
    }
}
