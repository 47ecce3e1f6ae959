package app.tandem.identity;

import app.tandem.core.tenant.TenantId;
import java.util.UUID;

/**
 * The member behind the current request, as read from the tenant's {@code members} table on this very request (so a
 * role change or a deactivation counts at once).
 *
 * @param id the member's id in the tenant's schema
 * @param tenant the tenant the member belongs to
 * @param keycloakUserId the user's id at the identity provider (the tokens' subject)
 * @param email the member's email address
 * @param displayName the name shown to others
 * @param role the member's role in the organization
 */
public record SignedInMember(
        UUID id, TenantId tenant, String keycloakUserId, String email, String displayName, OrgRole role) {

    /** Whether the member's role includes {@code required}. */
    public boolean has(OrgRole required) {
        return role.includes(required);
    }
}
