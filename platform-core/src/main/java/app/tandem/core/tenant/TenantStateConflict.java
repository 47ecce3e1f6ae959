package app.tandem.core.tenant;

import app.tandem.core.web.DomainException;

/** A lifecycle change was asked for that the tenant's current status does not allow. */
public class TenantStateConflict extends DomainException {

    public TenantStateConflict(String slug, TenantStatus current, TenantStatus wanted) {
        super(
                Kind.CONFLICT,
                "tenant-state-conflict",
                "Tenant " + slug + " is " + current + " and cannot become " + wanted + ".");
    }

    /** The tenant's status does not allow an action, such as {@code "get another host"}. */
    public TenantStateConflict(String slug, TenantStatus current, String action) {
        super(
                Kind.CONFLICT,
                "tenant-state-conflict",
                "Tenant " + slug + " is " + current + " and cannot " + action + ".");
    }
}
