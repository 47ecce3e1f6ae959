package app.tandem.demo;

import app.tandem.core.provisioning.JobStatus;
import app.tandem.core.provisioning.ProvisionTenant;
import app.tandem.core.provisioning.TenantProvisioning;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Seeds the demo tenant of local runs, once: the next run finds it in the kept database. */
@Component
@ConditionalOnBooleanProperty("tandem.demo.enabled")
class DemoData implements ApplicationRunner {

    static final String DEMO_SLUG = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final TenantRegistry registry;
    private final TenantProvisioning provisioning;

    DemoData(TenantRegistry registry, TenantProvisioning provisioning) {
        this.registry = registry;
        this.provisioning = provisioning;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (registry.findBySlug(DEMO_SLUG).isPresent()) {
            return;
        }
        var job = provisioning.provision(
                ProvisionTenant.of(DEMO_SLUG, "Demo Mentoring Association", TenantKind.ASSOCIATION));
        if (job.status() != JobStatus.SUCCEEDED) {
            log.error("The demo tenant could not be provisioned: {} at {}", job.lastError(), job.failedStep());
        }
    }
}
