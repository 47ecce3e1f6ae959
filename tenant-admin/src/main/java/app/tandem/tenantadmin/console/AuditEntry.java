package app.tandem.tenantadmin.console;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the operator audit.
 *
 * @param id the entry's id
 * @param occurredAt when the action was taken
 * @param actorSubject the operator's subject at the identity provider, or {@code system}
 * @param actorEmail the operator's email, if known
 * @param action what was done, such as {@code tenant.suspended}
 * @param tenantId the tenant it was done to, if any
 * @param tenantSlug that tenant's slug at the time
 * @param details the reason, the input and the outcome
 */
record AuditEntry(
        UUID id,
        Instant occurredAt,
        String actorSubject,
        String actorEmail,
        String action,
        UUID tenantId,
        String tenantSlug,
        Map<String, Object> details) {}
