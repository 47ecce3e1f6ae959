package app.tandem.core.tenant;

import java.util.Objects;
import java.util.UUID;

/**
 * The immutable identity of a tenant. Its database schema name is derived from it and from nothing a user typed, so
 * renaming an organization or changing its address never moves its data.
 */
public record TenantId(UUID value) {

    private static final String SCHEMA_PREFIX = "tenant_";

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    /** Parses the canonical UUID form; anything else is refused. */
    public static TenantId parse(String text) {
        try {
            var uuid = UUID.fromString(text);
            if (!uuid.toString().equals(text)) {
                throw new IllegalArgumentException("Not a canonical tenant id: " + text);
            }
            return new TenantId(uuid);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a tenant id: " + text, e);
        }
    }

    /** The PostgreSQL schema that holds this tenant's data: {@code tenant_} followed by 32 hex digits. */
    public String schemaName() {
        return SCHEMA_PREFIX + value.toString().replace("-", "");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
