package app.tandem.core.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A host name that routes to a tenant. */
@Entity
@Table(schema = "platform", name = "tenant_hosts")
public class TenantHost {

    @Id
    private String host;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private HostKind kind;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TenantHost() {}

    public TenantHost(HostName host, TenantId tenantId, HostKind kind, Instant now) {
        this.host = host.value();
        this.tenantId = tenantId.value();
        this.kind = kind;
        this.createdAt = now;
    }

    public HostName host() {
        return new HostName(host);
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    public HostKind kind() {
        return kind;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
