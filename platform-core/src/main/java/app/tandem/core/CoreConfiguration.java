package app.tandem.core;

import app.tandem.core.context.TenantContextTaskDecorator;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the tenancy kernel: its properties, the clock, scheduling and tenant-aware async execution. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CoreProperties.class)
@EnableScheduling
@EnableAsync
class CoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Spring Boot applies it to the application's task executor, which also runs {@code @Async} methods. */
    @Bean
    TenantContextTaskDecorator tenantContextTaskDecorator() {
        return new TenantContextTaskDecorator();
    }
}
