package app.tandem.mentoring.enrollment;

import app.tandem.core.tenant.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** An enrollment was paused: no new matches or requests, but the member still takes part (and holds their seat). */
@NamedInterface("events")
public record EnrollmentPaused(TenantId tenant, UUID enrollmentId, UUID programId, UUID memberId, Instant at) {}
