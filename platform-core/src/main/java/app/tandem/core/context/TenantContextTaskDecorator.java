package app.tandem.core.context;

import app.tandem.core.tenant.TenantId;
import org.springframework.core.task.TaskDecorator;

/**
 * Carries the submitting thread's tenant scope into work handed to an executor, including Spring's {@code @Async}
 * executor: the task runs in the same tenant's scope, or in none if the submitter had none (and then fails closed as
 * soon as it touches tenant data). Pool threads never keep a tenant after the task.
 */
public class TenantContextTaskDecorator implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable task) {
        TenantId tenant = TenantContext.CURRENT.get();
        if (tenant == null) {
            return () -> TenantScope.runWithoutTenant(task);
        }
        return () -> TenantScope.run(tenant, task);
    }
}
