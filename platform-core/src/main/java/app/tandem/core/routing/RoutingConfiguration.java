package app.tandem.core.routing;

import app.tandem.core.CoreProperties;
import app.tandem.core.web.Refusals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    /** Runs before security and everything else that needs to know the tenant. */
    static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<TenantRoutingFilter> tenantRoutingFilter(
            RoutingTable routes,
            CoreProperties properties,
            Refusals refusals,
            ObjectProvider<SuspensionAccess> suspensionAccess) {
        var registration = new FilterRegistrationBean<>(new TenantRoutingFilter(
                routes, properties, refusals, suspensionAccess.orderedStream().toList()));
        registration.setOrder(FILTER_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    WebMvcRegistrations hostScopedMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new HostScopedHandlerMapping();
            }
        };
    }
}
