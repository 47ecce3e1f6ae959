package app.tandem.bench;

import app.tandem.core.routing.OnApexHost;
import app.tandem.core.routing.OnTenantHost;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Lets the application start on a platform-core whose {@code HostScopedHandlerMapping} still adds its host condition
 * through {@code getCustomTypeCondition}, which Spring consults only for controllers with a type-level
 * {@code @RequestMapping}. There, the apex site's {@code GET /} and the tenant home page's {@code GET /} are both
 * unconditioned and the context fails with "Ambiguous mapping". This removes exactly those host-scoped controllers
 * that lack a type-level {@code @RequestMapping} (HTML pages the benchmark never requests); the API it measures,
 * {@code GET /api/v1/tenant}, keeps its host condition. It does nothing once the mapping overrides
 * {@code getMappingForMethod}, as the fix does, so it can stay until every branch has the fix.
 */
final class PageControllerWorkaround implements BeanFactoryPostProcessor {

    private static final String HOST_SCOPED_MAPPING = "app.tandem.core.routing.HostScopedHandlerMapping";

    private final List<String> removed = new ArrayList<>();

    /** Whether the platform-core on the classpath has the start-up failure this works around. */
    static boolean needed() {
        try {
            Class.forName(HOST_SCOPED_MAPPING).getDeclaredMethod("getMappingForMethod", Method.class, Class.class);
            return false;
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    List<String> removed() {
        return List.copyOf(removed);
    }

    /**
     * Runs after component scanning has registered the controllers (a plain factory post-processor added to the
     * context runs after every registry post-processor) and before any of them is created.
     */
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        var registry = (BeanDefinitionRegistry) beanFactory;
        for (var name : registry.getBeanDefinitionNames()) {
            var className = registry.getBeanDefinition(name).getBeanClassName();
            if (className == null || !ClassUtils.isPresent(className, beanFactory.getBeanClassLoader())) {
                continue;
            }
            var type = ClassUtils.resolveClassName(className, beanFactory.getBeanClassLoader());
            boolean hostScoped = AnnotatedElementUtils.hasAnnotation(type, OnTenantHost.class)
                    || AnnotatedElementUtils.hasAnnotation(type, OnApexHost.class);
            if (hostScoped && !AnnotatedElementUtils.hasAnnotation(type, RequestMapping.class)) {
                registry.removeBeanDefinition(name);
                removed.add(type.getName());
            }
        }
    }
}
