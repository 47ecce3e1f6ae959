package app.tandem.core.tenant;

import app.tandem.core.web.DomainException;

/** No tenant has the id, slug or host that was asked for. */
public class TenantNotFound extends DomainException {

    public TenantNotFound(String what) {
        super(Kind.NOT_FOUND, "tenant-not-found", "No organization is known as " + what + ".");
    }
}
