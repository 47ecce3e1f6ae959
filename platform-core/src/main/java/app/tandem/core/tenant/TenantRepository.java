package app.tandem.core.tenant;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TenantRepository extends JpaRepository<Tenant, UUID> {

    Optional<Tenant> findBySlug(String slug);

    boolean existsBySlug(String slug);

    List<Tenant> findByStatusInOrderBySlug(Collection<TenantStatus> statuses);

    @Query("""
            select t.id from Tenant t
            where t.status = app.tandem.core.tenant.TenantStatus.PENDING_DELETION and t.deletionDueAt <= :now
            order by t.deletionDueAt""")
    List<UUID> findDueForDeletion(Instant now);

    /** Skips a row another transaction holds, so that two nodes never delete the same tenant at once. */
    @Query(value = """
                    select * from platform.tenants
                    where id = :id and status = 'PENDING_DELETION' and deletion_due_at <= :now
                    for update skip locked""", nativeQuery = true)
    Optional<Tenant> lockIfDueForDeletion(UUID id, Instant now);
}
