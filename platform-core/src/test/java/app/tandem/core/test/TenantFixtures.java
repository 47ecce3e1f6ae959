package app.tandem.core.test;

import static org.assertj.core.api.Assertions.assertThat;

import app.tandem.core.provisioning.JobStatus;
import app.tandem.core.provisioning.ProvisionTenant;
import app.tandem.core.provisioning.TenantProvisioning;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Provisions tenants for tests, each with a slug no other test uses. {@link IntegrationTest} imports it; it carries no
 * stereotype, so component scanning (a local run sees test classes) never picks it up.
 */
public class TenantFixtures {

    private static final AtomicInteger counter = new AtomicInteger();

    private final TenantProvisioning provisioning;
    private final TenantRegistry registry;

    TenantFixtures(TenantProvisioning provisioning, TenantRegistry registry) {
        this.provisioning = provisioning;
        this.registry = registry;
    }

    /** A slug that starts with {@code prefix} and is unique in this JVM. */
    public static String uniqueSlug(String prefix) {
        return prefix + "-" + counter.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    /** Provisions an ACTIVE tenant whose slug starts with {@code prefix}. */
    public Tenant activeTenant(String prefix) {
        var slug = uniqueSlug(prefix);
        var job = provisioning.provision(ProvisionTenant.of(slug, "Organization " + slug, TenantKind.ASSOCIATION));
        assertThat(job.status())
                .as("provisioning of %s: %s", slug, job.lastError())
                .isEqualTo(JobStatus.SUCCEEDED);
        return registry.findBySlug(slug).orElseThrow();
    }

    /** The host of a tenant's subdomain, e.g. {@code acme-1-x.localhost}. */
    public String hostOf(Tenant tenant) {
        return registry.subdomainHost(tenant.slug()).value();
    }
}
