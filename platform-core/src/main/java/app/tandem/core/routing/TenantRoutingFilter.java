package app.tandem.core.routing;

import app.tandem.core.CoreProperties;
import app.tandem.core.context.TenantScope;
import app.tandem.core.migration.MigrationState;
import app.tandem.core.tenant.HostName;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.core.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes each request by its host. A serving tenant's request runs inside that tenant's {@link TenantScope} with its
 * {@link TenantRoute} as a request attribute; the apex host runs with no tenant; every other case is answered here,
 * as a page or, under {@code /api/}, as a problem detail.
 */
class TenantRoutingFilter extends OncePerRequestFilter {

    private static final Set<String> STATIC_PREFIXES = Set.of("/webjars/", "/css/", "/js/", "/images/", "/favicon");

    private final RoutingTable routes;
    private final String baseDomain;
    private final Set<String> apexHosts;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final JsonMapper json;

    TenantRoutingFilter(
            RoutingTable routes,
            CoreProperties properties,
            ITemplateEngine templates,
            MessageSource messages,
            JsonMapper json) {
        this.routes = routes;
        this.baseDomain = properties.baseDomain();
        var apex = new HashSet<String>(properties.apexAliases());
        apex.add(properties.baseDomain());
        this.apexHosts = Set.copyOf(apex);
        this.templates = templates;
        this.messages = messages;
        this.json = json;
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
            refuse(request, response, Refusal.UNKNOWN_HOST, host, null);
            return;
        }
        if (route.serving()) {
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
        refuse(request, response, refusalFor(route), host, route);
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
            HttpServletRequest request, HttpServletResponse response, Refusal refusal, String host, TenantRoute route)
            throws IOException {
        var locale = request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
        var name = route != null ? route.displayName() : host != null ? host : "(no host)";
        var title = messages.getMessage("routing." + refusal.code + ".title", null, locale);
        var detail = messages.getMessage("routing." + refusal.code + ".detail", new Object[] {name}, locale);
        response.setStatus(refusal.status.value());
        if (refusal.status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", refusal == Refusal.PROVISIONING ? "5" : "30");
        }
        response.setHeader("Cache-Control", "no-store");
        if (request.getRequestURI().startsWith("/api/")) {
            var problem = Problems.of(refusal.status, refusal.code, detail);
            var body = new LinkedHashMap<String, Object>();
            body.put("type", problem.getType().toString());
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(body));
            return;
        }
        var model = new Context(
                locale,
                Map.of(
                        "status", refusal.status.value(),
                        "title", title,
                        "detail", detail,
                        "reason",
                                route != null && route.status() == TenantStatus.SUSPENDED
                                        ? messages.getMessage("routing.tenant-suspended.reason", null, locale)
                                        : "",
                        "apex", baseDomain));
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        templates.process("core/refused", model, response.getWriter());
    }
}
