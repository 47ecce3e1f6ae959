package app.tandem.core.provisioning;

import app.tandem.core.migration.SchemaTemplate;
import org.springframework.stereotype.Component;

/** Core's provisioning step: the tenant's schema, with every tenant migration applied. */
@Component
class CreateSchemaStep implements ProvisioningStep {

    static final int ORDER = 100;

    private final SchemaTemplate template;

    CreateSchemaStep(SchemaTemplate template) {
        this.template = template;
    }

    @Override
    public String name() {
        return "create-schema";
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void apply(ProvisioningContext context) {
        template.createSchema(context.tenantId());
    }

    @Override
    public void compensate(ProvisioningContext context) {
        template.dropSchema(context.tenantId());
    }
}
