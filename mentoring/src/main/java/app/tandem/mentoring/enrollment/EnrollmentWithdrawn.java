package app.tandem.mentoring.enrollment;

import app.tandem.mentoring.matching.Role;
import java.util.UUID;

/**
 * Published (inside the withdrawing transaction) when a member stops taking part in a program, so that what hangs on
 * the enrollment — pending requests, draft matches — is closed in the same transaction.
 */
public record EnrollmentWithdrawn(UUID enrollmentId, UUID programId, UUID memberId, Role role) {}
