package app.tandem.core.tenant;

import app.tandem.core.CoreProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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

    /**
     * Lets the tenant answer on a host outside the base domain as well (a custom domain whose DNS points at the
     * platform). Throws {@link InvalidTenantInput} for a host below the base domain, {@link AddressTaken} for a host
     * another (or this) tenant has, and {@link TenantStateConflict} for a deleted tenant.
     */
    @Transactional
    public void addCustomHost(TenantId id, HostName host) {
        var tenant = require(id);
        if (tenant.status() == TenantStatus.DELETED) {
            throw new TenantStateConflict(tenant.slug().value(), tenant.status(), "get another host");
        }
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

    /**
     * Removes a custom host from the tenant; its subdomain cannot be removed. Throws {@link TenantNotFound} when the
     * tenant has no such host.
     */
    @Transactional
    public void removeCustomHost(TenantId id, HostName host) {
        var tenant = require(id);
        var existing = hosts.findById(host.value())
                .filter(candidate -> candidate.tenantId().equals(id))
                .orElseThrow(() -> new TenantNotFound(host.value() + " for " + tenant.slug()));
        if (existing.kind() != HostKind.CUSTOM) {
            throw new InvalidTenantInput(
                    "host", host.value() + " is the organization's own subdomain and cannot be removed.");
        }
        hosts.delete(existing);
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
     * Schedules the tenant's deletion at {@code dueAt}: from now on routing refuses it ("closing"); until then the
     * deletion can be cancelled. Throws {@link InvalidTenantInput} without a reason or for a date in the past.
     */
    @Transactional
    public Tenant scheduleDeletion(TenantId id, String reason, Instant dueAt) {
        var tenant = require(id);
        tenant.scheduleDeletion(reason, dueAt, clock.instant());
        events.publishEvent(new TenantChanged(id));
        return tenant;
    }

    /** Calls off a scheduled deletion; the tenant becomes SUSPENDED and an operator reactivates it when it is time. */
    @Transactional
    public Tenant cancelDeletion(TenantId id) {
        var tenant = require(id);
        tenant.cancelDeletion(clock.instant());
        events.publishEvent(new TenantChanged(id));
        return tenant;
    }

    /** The tenants whose deletion is due at {@code now}, the longest due first. */
    @Transactional(readOnly = true)
    public List<TenantId> dueForDeletion(Instant now) {
        return tenants.findDueForDeletion(now).stream().map(TenantId::new).toList();
    }

    /**
     * Locks the tenant's row for the caller's transaction if its deletion is due at {@code now} and no other
     * transaction holds it (another node deleting it); empty otherwise. Needs a transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Tenant> lockForDeletion(TenantId id, Instant now) {
        return tenants.lockIfDueForDeletion(id.value(), now);
    }

    /**
     * Records that a due deletion was carried out (schema dropped, organization removed): the tenant is DELETED. Its
     * slug and hosts stay with it, so nothing that pointed at it (links, bookmarks, a custom domain's DNS) ever reaches
     * another organization.
     */
    @Transactional
    public void markDeleted(TenantId id) {
        var tenant = require(id);
        tenant.markDeleted(clock.instant());
        events.publishEvent(new TenantChanged(id));
        events.publishEvent(new TenantDeleted(id, tenant.slug()));
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
