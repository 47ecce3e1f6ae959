package app.tandem.mentoring.enrollment;

import app.tandem.core.tenant.TenantId;
import app.tandem.mentoring.matching.Role;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A member enrolled in a program: they take part (and hold a seat) from now on. Published in the transaction. */
@NamedInterface("events")
public record EnrollmentStarted(
        TenantId tenant, UUID enrollmentId, UUID programId, UUID memberId, Role role, Instant at) {}
