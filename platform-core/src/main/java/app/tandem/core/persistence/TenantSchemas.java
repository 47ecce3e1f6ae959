package app.tandem.core.persistence;

import app.tandem.core.context.TenantContext;
import app.tandem.core.tenant.TenantId;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.context.spi.TenantSchemaMapper;

/**
 * Tells Hibernate which tenant a session works for (the one in {@link TenantContext}) and which schema holds its data
 * (derived from the immutable id, never from user input).
 */
final class TenantSchemas implements CurrentTenantIdentifierResolver<String>, TenantSchemaMapper<String> {

    /** The tenant identifier of sessions opened with no tenant in scope. */
    static final String NO_TENANT = "none";

    /** A schema that does not exist: unqualified table names resolve to nothing in it. */
    static final String NO_TENANT_SCHEMA = "no_tenant_in_scope";

    @Override
    public String resolveCurrentTenantIdentifier() {
        return TenantContext.current().map(TenantId::toString).orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }

    @Override
    public String schemaName(String tenantIdentifier) {
        if (NO_TENANT.equals(tenantIdentifier)) {
            return NO_TENANT_SCHEMA;
        }
        return TenantId.parse(tenantIdentifier).schemaName();
    }
}
