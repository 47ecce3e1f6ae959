package app.tandem.core.routing;

import app.tandem.core.CoreProperties;
import app.tandem.core.context.TenantScope;
import app.tandem.core.migration.MigrationState;
import app.tandem.core.tenant.HostName;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.core.web.Refusals;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Routes each request by its host. A serving tenant's request runs inside that tenant's {@link TenantScope} with its
 * {@link TenantRoute} as a request attribute; the apex host runs with no tenant; every other case is answered here,
 * as a page or, under {@code /api/}, as a problem detail.
 */
class TenantRoutingFilter extends OncePerRequestFilter {

    private static final Set<String> STATIC_PREFIXES = Set.of("/webjars/", "/css/", "/js/", "/images/", "/favicon");

    private final RoutingTable routes;
    private final Set<String> apexHosts;
    private final Refusals refusals;
    private final List<SuspensionAccess> suspensionAccess;

    TenantRoutingFilter(
            RoutingTable routes,
            CoreProperties properties,
            Refusals refusals,
            List<SuspensionAccess> suspensionAccess) {
        this.routes = routes;
        var apex = new HashSet<String>(properties.apexAliases());
        apex.add(properties.baseDomain());
        this.apexHosts = Set.copyOf(apex);
        this.refusals = refusals;
        this.suspensionAccess = List.copyOf(suspensionAccess);
    }

    /** Why a request could not be served by its tenant. */
    enum Refusal {
        UNKNOWN_HOST(HttpStatus.NOT_FOUND, "unknown-host"),
        SUSPENDED(HttpStatus.FORBIDDEN, "tenant-suspended"),
        CLOSING(HttpStatus.FORBIDDEN, "tenant-closing"),
        PROVISIONING(HttpStatus.SERVICE_UNAVAILABLE, "tenant-provisioning"),
        MIGRATING(HttpStatus.SERVICE_UNAVAILABLE, "tenant-migrating"),
        MIGRATION_FAILED(HttpStatus.SERVICE_UNAVAILABLE, "tenant-unavailable");

        final HttpStatus status;
        final String code;

        Refusal(HttpStatus status, String code) {
            this.status = status;
            this.code = code;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var host = HostName.normaliseRequestHost(request.getServerName());
        if (host != null && apexHosts.contains(host)) {
            chain.doFilter(request, response);
            return;
        }
        var route = host == null ? null : routes.resolve(host).orElse(null);
        if (route == null) {
            refuse(request, response, Refusal.UNKNOWN_HOST, "routing." + Refusal.UNKNOWN_HOST.code, host, null);
            return;
        }
        var access = route.serving() ? null : accessDuringSuspension(route);
        if (route.serving() || (access != null && access.admits(request))) {
            request.setAttribute(TenantRoute.REQUEST_ATTRIBUTE, route);
            try (var ignored = TenantScope.open(route.id())) {
                chain.doFilter(request, response);
            }
            return;
        }
        if (isStaticAsset(request)) {
            chain.doFilter(request, response);
            return;
        }
        var refusal = refusalFor(route);
        var messagePrefix = access != null ? access.messagePrefix() : "routing." + refusal.code;
        refuse(request, response, refusal, messagePrefix, host, route);
    }

    private SuspensionAccess accessDuringSuspension(TenantRoute route) {
        if (route.status() != TenantStatus.SUSPENDED || route.migrationState() != MigrationState.CURRENT) {
            return null;
        }
        return suspensionAccess.stream()
                .filter(access -> access.covers(route))
                .findFirst()
                .orElse(null);
    }

    static Refusal refusalFor(TenantRoute route) {
        return switch (route.status()) {
            case PROVISIONING -> Refusal.PROVISIONING;
            case SUSPENDED -> Refusal.SUSPENDED;
            case PENDING_DELETION -> Refusal.CLOSING;
            case DELETED -> Refusal.UNKNOWN_HOST;
            case ACTIVE ->
                route.migrationState() == MigrationState.FAILED ? Refusal.MIGRATION_FAILED : Refusal.MIGRATING;
        };
    }

    private static boolean isStaticAsset(HttpServletRequest request) {
        var path = request.getRequestURI();
        return STATIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            Refusal refusal,
            String messagePrefix,
            String host,
            TenantRoute route)
            throws IOException {
        var name = route != null ? route.displayName() : host != null ? host : "(no host)";
        if (refusal.status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", refusal == Refusal.PROVISIONING ? "5" : "30");
        }
        refusals.send(request, response, refusal.status, refusal.code, messagePrefix, name);
    }
}
