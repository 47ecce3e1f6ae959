package app.tandem.mentoring.enrollment;

import app.tandem.core.tenant.TenantId;
import app.tandem.mentoring.matching.Role;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A member stopped taking part in a program, for good. Published inside the withdrawing transaction: mentoring closes
 * what hangs on the enrollment (pending requests, draft and active matches) in the same transaction, and other modules
 * hear of it after commit (billing frees the seat).
 */
@NamedInterface("events")
public record EnrollmentWithdrawn(
        TenantId tenant, UUID enrollmentId, UUID programId, UUID memberId, Role role, Reason reason, Instant at) {

    /** Why the enrollment ended. */
    public enum Reason {
        /** The member, or a coordinator for them, withdrew it. */
        WITHDRAWN,
        /** The member was removed from the organization. */
        MEMBER_REMOVED
    }
}
