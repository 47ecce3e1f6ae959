package app.tandem.tenantadmin;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Wires tenant administration's configuration properties. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TenantAdminProperties.class)
class TenantAdminConfiguration {}
