package app.tandem.tenantadmin.signup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SignUpRepository extends JpaRepository<SignUp, UUID> {

    Optional<SignUp> findByTenantId(UUID tenantId);

    /** The sign-ups of a slug whose job has not been rolled back: at most one, as a slug has at most one tenant. */
    @Query("""
            select s from SignUp s, ProvisioningJob j
            where j.id = s.jobId and s.slug = :slug
              and j.status <> app.tandem.core.provisioning.JobStatus.ROLLED_BACK
            order by s.createdAt desc""")
    List<SignUp> findLiveBySlug(String slug);

    long countByClientHashAndCreatedAtAfter(String clientHash, Instant since);

    @Query("select min(s.createdAt) from SignUp s where s.clientHash = :clientHash and s.createdAt > :since")
    Optional<Instant> oldestOfClientSince(String clientHash, Instant since);
}
