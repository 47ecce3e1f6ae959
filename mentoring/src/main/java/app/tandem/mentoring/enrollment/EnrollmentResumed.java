package app.tandem.mentoring.enrollment;

import app.tandem.core.tenant.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A paused enrollment was resumed: the member can be matched again. */
@NamedInterface("events")
public record EnrollmentResumed(TenantId tenant, UUID enrollmentId, UUID programId, UUID memberId, Instant at) {}
