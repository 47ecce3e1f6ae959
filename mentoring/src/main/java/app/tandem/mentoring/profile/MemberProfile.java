package app.tandem.mentoring.profile;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's profile as others read it: whose it is and what it says; {@code updatedAt} is null while the member has
 * not written one (the details are then empty).
 */
public record MemberProfile(UUID memberId, String displayName, ProfileDetails details, Instant updatedAt) {}
