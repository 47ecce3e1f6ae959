package app.tandem.tenantadmin.console;

/** What the operator audit records. The code is what the API and the table show. */
enum OperatorAction {
    TENANT_SUSPENDED("tenant.suspended"),
    TENANT_REACTIVATED("tenant.reactivated"),
    DELETION_SCHEDULED("tenant.deletion-scheduled"),
    DELETION_CANCELLED("tenant.deletion-cancelled"),
    TENANT_DELETED("tenant.deleted"),
    DELETION_FAILED("tenant.deletion-failed"),
    MIGRATION_RUN("tenant.migrated"),
    DATA_EXPORTED("tenant.exported"),
    HOST_ADDED("tenant.host-added"),
    HOST_REMOVED("tenant.host-removed"),
    PROVISIONING_RETRIED("provisioning.retried"),
    PROVISIONING_DISCARDED("provisioning.discarded");

    private final String code;

    OperatorAction(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
