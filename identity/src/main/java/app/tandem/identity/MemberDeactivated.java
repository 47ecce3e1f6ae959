package app.tandem.identity;

import app.tandem.core.tenant.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A member was removed from the organization (deactivated): they are refused from their next request on, and other
 * modules end what they hold (mentoring withdraws their enrollments, which frees their seats). Published in the
 * transaction.
 */
public record MemberDeactivated(TenantId tenant, UUID memberId, String email, Instant at) {}
