package app.tandem.core.tenant;

/** How a tenant got a host: its subdomain of the base domain, or a custom domain an operator attached. */
public enum HostKind {
    SUBDOMAIN,
    CUSTOM
}
