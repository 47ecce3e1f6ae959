package app.tandem.core.tenant;

/** What kind of organization runs the instance. */
public enum TenantKind {
    ASSOCIATION,
    SCHOOL,
    COMPANY
}
