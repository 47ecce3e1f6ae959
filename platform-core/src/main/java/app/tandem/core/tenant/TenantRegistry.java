package app.tandem.core.tenant;

import app.tandem.core.CoreProperties;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant registry: who the tenants are, what they are called, where they answer and what state they are in. */
@Service
public class TenantRegistry {

    /** The statuses in which a tenant has a schema that must be kept migrated. */
    public static final EnumSet<TenantStatus> WITH_SCHEMA =
            EnumSet.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED, TenantStatus.PENDING_DELETION);

    private final TenantRepository tenants;
    private final TenantHostRepository hosts;
    private final ApplicationEventPublisher events;
    private final CoreProperties properties;
    private final Clock clock;

    TenantRegistry(
            TenantRepository tenants,
            TenantHostRepository hosts,
            ApplicationEventPublisher events,
            CoreProperties properties,
            Clock clock) {
        this.tenants = tenants;
        this.hosts = hosts;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Registers a new tenant in status PROVISIONING with its subdomain host. Provisioning calls this; nothing else
     * should.
     */
    @Transactional
    public Tenant register(TenantId id, TenantSlug slug, String displayName, TenantKind kind) {
        if (tenants.existsBySlug(slug.value())) {
            throw new AddressTaken("slug", slug.value());
        }
        var host = subdomainHost(slug);
        if (hosts.existsById(host.value())) {
            throw new AddressTaken("host", host.value());
        }
        var now = clock.instant();
        try {
            var tenant = tenants.saveAndFlush(new Tenant(id, slug, displayName, kind, now));
            hosts.saveAndFlush(new TenantHost(host, id, HostKind.SUBDOMAIN, now));
            return tenant;
        } catch (DataIntegrityViolationException raced) {
            // another registration of the same address committed between our check and our insert
            throw new AddressTaken("slug", slug.value());
        }
    }

    /** Whether the slug is free, for a live availability check. Throws {@link InvalidTenantInput} if it is invalid. */
    @Transactional(readOnly = true)
    public boolean isSlugAvailable(String slug) {
        var valid = TenantSlug.of(slug);
        return !tenants.existsBySlug(valid.value())
                && !hosts.existsById(subdomainHost(valid).value());
    }

    /** The host {@code <slug>.<base domain>} every tenant answers on. */
    public HostName subdomainHost(TenantSlug slug) {
        return HostName.of(slug.value() + "." + properties.baseDomain());
    }

    @Transactional
    public void addCustomHost(TenantId id, HostName host) {
        var tenant = require(id);
        if (host.value().equals(properties.baseDomain()) || host.isBelow(properties.baseDomain())) {
            throw new InvalidTenantInput(
                    "host", "A custom host must lie outside " + properties.baseDomain() + "; subdomains are given.");
        }
        if (hosts.existsById(host.value())) {
            throw new AddressTaken("host", host.value());
        }
        hosts.save(new TenantHost(host, tenant.id(), HostKind.CUSTOM, clock.instant()));
        events.publishEvent(new TenantChanged(id));
    }

    @Transactional(readOnly = true)
    public Optional<Tenant> find(TenantId id) {
        return tenants.findById(id.value());
    }

    @Transactional(readOnly = true)
    public Optional<Tenant> findBySlug(String slug) {
        return tenants.findBySlug(slug);
    }

    @Transactional(readOnly = true)
    public Tenant require(TenantId id) {
        return find(id).orElseThrow(() -> new TenantNotFound(id.toString()));
    }

    @Transactional(readOnly = true)
    public List<TenantHost> hostsOf(TenantId id) {
        return hosts.findByTenantIdOrderByHost(id.value());
    }

    /** Every tenant whose schema exists and must be kept migrated, ordered by slug. */
    @Transactional(readOnly = true)
    public List<Tenant> tenantsWithSchema() {
        return tenants.findByStatusInOrderBySlug(WITH_SCHEMA);
    }

    /** Every tenant the platform has, in any status, ordered by slug. */
    @Transactional(readOnly = true)
    public List<Tenant> all() {
        return tenants.findByStatusInOrderBySlug(EnumSet.allOf(TenantStatus.class));
    }

    /** Every ACTIVE tenant, ordered by slug. */
    @Transactional(readOnly = true)
    public List<Tenant> activeTenants() {
        return tenants.findByStatusInOrderBySlug(EnumSet.of(TenantStatus.ACTIVE));
    }

    @Transactional
    public void activate(TenantId id) {
        require(id).activate(clock.instant());
        events.publishEvent(new TenantChanged(id));
    }

    @Transactional
    public void suspend(TenantId id, String reason) {
        require(id).suspend(reason, clock.instant());
        events.publishEvent(new TenantChanged(id));
    }

    @Transactional
    public void reactivate(TenantId id) {
        require(id).reactivate(clock.instant());
        events.publishEvent(new TenantChanged(id));
    }

    /**
     * Removes a tenant that never became active (its provisioning was rolled back), freeing its slug and hosts. A
     * tenant that was ever active goes through deletion instead.
     */
    @Transactional
    public void forgetUnprovisioned(TenantId id) {
        tenants.findById(id.value()).ifPresent(tenant -> {
            if (tenant.status() != TenantStatus.PROVISIONING) {
                throw new TenantStateConflict(tenant.slug().value(), tenant.status(), TenantStatus.DELETED);
            }
            tenants.delete(tenant);
        });
        events.publishEvent(new TenantChanged(id));
    }
}
