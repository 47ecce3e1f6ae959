package app.tandem.core.routing;

import java.lang.reflect.Method;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.servlet.mvc.condition.RequestCondition;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Adds a host condition to the mappings of controllers annotated {@link OnTenantHost} or {@link OnApexHost}. */
final class HostScopedHandlerMapping extends RequestMappingHandlerMapping {

    @Override
    protected RequestCondition<?> getCustomTypeCondition(Class<?> handlerType) {
        boolean onTenant = AnnotatedElementUtils.hasAnnotation(handlerType, OnTenantHost.class);
        boolean onApex = AnnotatedElementUtils.hasAnnotation(handlerType, OnApexHost.class);
        if (onTenant && onApex) {
            throw new IllegalStateException(handlerType.getName() + " cannot be both @OnTenantHost and @OnApexHost");
        }
        if (onTenant || onApex) {
            return new HostRequestCondition(onTenant);
        }
        return null;
    }

    @Override
    protected RequestCondition<?> getCustomMethodCondition(Method method) {
        return null;
    }
}
