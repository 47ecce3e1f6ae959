package app.tandem.identity.member;

import app.tandem.identity.OrgRole;
import java.time.Instant;
import java.util.UUID;

/**
 * A member of the organization in scope as other modules see them: a snapshot read in one transaction, never the
 * entity. {@link Members} hands these out.
 */
public record MemberView(
        UUID id,
        String keycloakUserId,
        String email,
        String displayName,
        OrgRole role,
        MemberStatus status,
        Instant createdAt,
        Instant lastSeenAt,
        Instant deactivatedAt) {

    public boolean active() {
        return status == MemberStatus.ACTIVE;
    }
}
