package app.tandem.billing.account;

import app.tandem.core.routing.SuspensionAccess;
import app.tandem.core.routing.TenantRoute;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * An organization suspended by {@link Dunning} stays reachable where its admins pay: the sign-in, the billing page and
 * the billing API. Everything else gets a page telling members why; their security rules still apply to what is let
 * through, so a member reaches the billing page no more than before.
 */
@Component
class BillingSuspension implements SuspensionAccess {

    private static final List<String> EXACT =
            List.of("/login", "/logout", "/error", "/admin/billing", "/api/v1/billing");
    private static final List<String> UNDER = List.of("/login/", "/oauth2/", "/admin/billing/", "/api/v1/billing/");

    @Override
    public boolean covers(TenantRoute route) {
        return route.suspendedFor(Dunning.REASON_PREFIX);
    }

    @Override
    public boolean admits(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return EXACT.contains(path) || UNDER.stream().anyMatch(path::startsWith);
    }

    @Override
    public String messagePrefix() {
        return "billing.suspended";
    }
}
