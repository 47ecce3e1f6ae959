package app.tandem.core.organization;

import app.tandem.core.context.TenantContext;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and seeds the settings of the organization in scope. */
@Service
public class Organizations {

    private final OrganizationSettingsRepository settings;
    private final Clock clock;

    Organizations(OrganizationSettingsRepository settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The settings of the tenant in scope. Fails closed with {@code NoTenantInScope} when there is none, and refuses
     * a schema whose row names another tenant.
     */
    @Transactional(readOnly = true)
    public OrganizationSettings current() {
        var tenant = TenantContext.require();
        var row = settings.findById(OrganizationSettings.ONLY_ROW)
                .orElseThrow(() -> new IllegalStateException("Tenant " + tenant + " has no organization settings"));
        if (!row.tenantId().equals(tenant.value())) {
            throw new IllegalStateException("Schema of tenant " + tenant + " holds the settings of " + row.tenantId());
        }
        return row;
    }

    /** Changes the welcome message that members of the tenant in scope see on its home page. */
    @Transactional
    public OrganizationSettings changeWelcomeMessage(String message) {
        var row = current();
        row.changeWelcomeMessage(message, clock.instant());
        return row;
    }

    /** Creates the settings row of the tenant in scope if it is missing. */
    @Transactional
    public void seed(String organizationName) {
        var tenant = TenantContext.require();
        if (!settings.existsById(OrganizationSettings.ONLY_ROW)) {
            settings.save(new OrganizationSettings(
                    tenant.value(), "Welcome to the mentoring programs of " + organizationName + ".", clock.instant()));
        }
    }
}
