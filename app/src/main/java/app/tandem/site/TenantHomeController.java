package app.tandem.site;

import app.tandem.core.organization.Organizations;
import app.tandem.core.routing.OnTenantHost;
import app.tandem.core.routing.TenantRoute;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A tenant's home page on its own host, with the organization's name and welcome message. */
@Controller
@OnTenantHost
class TenantHomeController {

    private final Organizations organizations;

    TenantHomeController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/")
    String home(HttpServletRequest request, Model model) {
        var route = TenantRoute.of(request).orElseThrow();
        model.addAttribute("tenant", route);
        model.addAttribute("settings", organizations.current());
        return "tenant/home";
    }
}
