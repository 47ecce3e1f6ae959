/**
 * The tenant scope of the current thread. A request gets its scope from routing; any other work opens one
 * explicitly with {@link app.tandem.core.context.TenantScope}, and code that needs a tenant asks
 * {@link app.tandem.core.context.TenantContext#require()}, which fails closed. Scopes follow work into executors and
 * {@code @Async} methods through {@link app.tandem.core.context.TenantContextTaskDecorator}, and
 * {@link app.tandem.core.context.TenantJobs} runs a job once for every active tenant with bounded parallelism.
 */
@NamedInterface("context")
package app.tandem.core.context;

import org.springframework.modulith.NamedInterface;
