package app.tandem.core.routing;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a module lets through while a tenant is suspended for a reason it owns: billing lets an organization's admins
 * sign in and pay while its members see why they cannot. Routing asks every bean of this type; the first that
 * {@link #covers(TenantRoute) covers} the suspension decides. Whoever is let through still meets the security rules
 * of the path.
 */
public interface SuspensionAccess {

    /** Whether this suspension is one this module answers for, judged by its reason. */
    boolean covers(TenantRoute route);

    /** Whether the request may reach the tenant despite the suspension. */
    boolean admits(HttpServletRequest request);

    /** The messages ({@code .title}, {@code .detail}, {@code .reason}; argument: the organization's name) refused requests get. */
    String messagePrefix();
}
