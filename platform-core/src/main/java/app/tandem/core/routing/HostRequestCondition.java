package app.tandem.core.routing;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.servlet.mvc.condition.AbstractRequestCondition;

/** Matches a request by whether routing bound it to a tenant; backs {@link OnTenantHost} and {@link OnApexHost}. */
final class HostRequestCondition extends AbstractRequestCondition<HostRequestCondition> {

    private final boolean tenant;

    HostRequestCondition(boolean tenant) {
        this.tenant = tenant;
    }

    @Override
    protected List<Boolean> getContent() {
        return List.of(tenant);
    }

    @Override
    protected String getToStringInfix() {
        return "";
    }

    @Override
    public HostRequestCondition combine(HostRequestCondition other) {
        return other;
    }

    @Override
    public HostRequestCondition getMatchingCondition(HttpServletRequest request) {
        return TenantRoute.of(request).isPresent() == tenant ? this : null;
    }

    @Override
    public int compareTo(HostRequestCondition other, HttpServletRequest request) {
        return 0;
    }
}
