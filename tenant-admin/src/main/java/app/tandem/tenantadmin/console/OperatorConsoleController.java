package app.tandem.tenantadmin.console;

import app.tandem.core.routing.OnApexHost;
import app.tandem.core.routing.PublicAddresses;
import app.tandem.core.tenant.TenantRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operator console on the platform site, for platform operators only (identity's security refuses everyone else).
 * So far it lists every organization; the tenant lifecycle adds the actions.
 */
@Controller
@OnApexHost
class OperatorConsoleController {

    private final TenantRegistry registry;
    private final PublicAddresses addresses;

    OperatorConsoleController(TenantRegistry registry, PublicAddresses addresses) {
        this.registry = registry;
        this.addresses = addresses;
    }

    /** One organization's row. */
    record TenantRow(String displayName, String address, String kind, String status, String created) {}

    @GetMapping("/operator")
    String console(Model model) {
        model.addAttribute(
                "tenants",
                registry.all().stream()
                        .map(tenant -> new TenantRow(
                                tenant.displayName(),
                                addresses
                                        .baseUrl(registry.subdomainHost(tenant.slug()))
                                        .toString(),
                                tenant.kind().name(),
                                tenant.status().name(),
                                tenant.createdAt().toString().substring(0, 10)))
                        .toList());
        return "tenantadmin/console";
    }
}
