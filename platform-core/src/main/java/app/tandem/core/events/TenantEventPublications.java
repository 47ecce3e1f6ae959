package app.tandem.core.events;

import app.tandem.core.context.NoTenantInScope;
import app.tandem.core.context.TenantContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.modulith.events.core.EventPublicationRepository;

/**
 * Keeps Spring Modulith's event publication registry inside tenant scopes. Its JDBC repository writes the unqualified
 * table {@code event_publication}, which resolves in the schema of the transaction's connection, that is in the schema
 * of the tenant in scope. Without a tenant that schema does not exist, so this wrapper fails closed: recording or
 * changing a publication throws {@link NoTenantInScope}, and look-ups (such as the registry's report at shut-down)
 * find nothing rather than reaching into another schema.
 */
class TenantEventPublications implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof EventPublicationRepository repository) {
            return Proxy.newProxyInstance(
                    EventPublicationRepository.class.getClassLoader(),
                    new Class<?>[] {EventPublicationRepository.class},
                    new TenantScoped(repository));
        }
        return bean;
    }

    private record TenantScoped(EventPublicationRepository repository) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(repository, arguments);
            }
            if (TenantContext.current().isEmpty()) {
                var name = method.getName();
                if (name.startsWith("find")) {
                    return List.of();
                }
                if (name.startsWith("count")) {
                    return 0;
                }
                throw new NoTenantInScope();
            }
            try {
                return method.invoke(repository, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
