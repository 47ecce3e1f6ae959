package app.tandem.core.routing;

import java.lang.reflect.Method;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Adds a host condition to every mapping of a controller annotated {@link OnTenantHost} or {@link OnApexHost}. It
 * decorates the finished mapping rather than using {@code getCustomTypeCondition}, which Spring only consults for
 * controllers that carry a type-level {@code @RequestMapping}.
 */
final class HostScopedHandlerMapping extends RequestMappingHandlerMapping {

    @Override
    protected RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
        var info = super.getMappingForMethod(method, handlerType);
        if (info == null) {
            return null;
        }
        boolean onTenant = AnnotatedElementUtils.hasAnnotation(handlerType, OnTenantHost.class);
        boolean onApex = AnnotatedElementUtils.hasAnnotation(handlerType, OnApexHost.class);
        if (onTenant && onApex) {
            throw new IllegalStateException(handlerType.getName() + " cannot be both @OnTenantHost and @OnApexHost");
        }
        if (!onTenant && !onApex) {
            return info;
        }
        return info.mutate().customCondition(new HostRequestCondition(onTenant)).build();
    }
}
