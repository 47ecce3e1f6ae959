package app.tandem.core.provisioning;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProvisioningJobRepository extends JpaRepository<ProvisioningJob, UUID> {

    @Query("""
            select j.id from ProvisioningJob j
            where j.status in :statuses and (j.leaseUntil is null or j.leaseUntil < :now)
            order by j.createdAt""")
    List<UUID> findAbandoned(Collection<JobStatus> statuses, Instant now);

    List<ProvisioningJob> findByStatusOrderByCreatedAtDesc(JobStatus status);

    List<ProvisioningJob> findByTenantIdOrderByCreatedAtDesc(UUID tenantId);
}
