package app.tandem.core.events;

import app.tandem.core.CoreProperties;
import app.tandem.core.context.TenantJobs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    static TenantEventPublications tenantEventPublications() {
        return new TenantEventPublications();
    }

    @Bean
    EventRedelivery eventRedelivery(
            TenantJobs jobs,
            IncompleteEventPublications incomplete,
            CompletedEventPublications completed,
            CoreProperties properties) {
        return new EventRedelivery(jobs, incomplete, completed, properties.events());
    }
}
