package app.tandem.mentoring.profile;

import app.tandem.core.audit.AuditTrail;
import app.tandem.core.context.TenantContext;
import app.tandem.identity.CurrentMember;
import app.tandem.identity.member.MemberView;
import app.tandem.identity.member.Members;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profiles of the organization in scope. Every member may read every member's profile (they are colleagues in one
 * organization); each member writes only their own.
 */
@Service
public class Profiles {

    private final ProfileRepository profiles;
    private final Members members;
    private final CurrentMember currentMember;
    private final AuditTrail audit;
    private final Clock clock;

    Profiles(ProfileRepository profiles, Members members, CurrentMember currentMember, AuditTrail audit, Clock clock) {
        this.profiles = profiles;
        this.members = members;
        this.currentMember = currentMember;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in member's profile (empty details while they have not written one). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public MemberProfile mine() {
        var me = currentMember.require();
        return view(me.id(), me.displayName());
    }

    /** Any member's profile; refused with {@code member-not-found} for an id of no member of this organization. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public MemberProfile of(UUID memberId) {
        TenantContext.require();
        var member = members.get(memberId);
        return view(member.id(), member.displayName());
    }

    /** The profiles of these members, keyed by member id (for pages that list many people); one query each. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Map<UUID, MemberProfile> of(Collection<UUID> memberIds) {
        TenantContext.require();
        Map<UUID, MemberView> found = members.byIds(memberIds);
        Map<UUID, Profile> written = profiles.findAllById(found.keySet()).stream()
                .collect(Collectors.toMap(Profile::memberId, Function.identity()));
        return found.values().stream()
                .collect(Collectors.toMap(MemberView::id, member -> view(member.id(), member.displayName(), written)));
    }

    /** Replaces the signed-in member's profile; nothing changes when a field is wrong. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public MemberProfile updateMine(ProfileDetails details) {
        var me = currentMember.require();
        var checked = (details == null ? ProfileDetails.empty() : details).checked();
        var now = clock.instant();
        var profile = profiles.findById(me.id()).orElse(null);
        if (profile == null) {
            profile = profiles.save(new Profile(me.id(), checked, now));
        } else {
            profile.write(checked, now);
        }
        audit.record(currentMember.asActor(), "profile.updated", me.email(), "");
        return new MemberProfile(me.id(), me.displayName(), profile.details(), profile.updatedAt());
    }

    private MemberProfile view(UUID memberId, String displayName) {
        return profiles.findById(memberId)
                .map(profile -> new MemberProfile(memberId, displayName, profile.details(), profile.updatedAt()))
                .orElseGet(() -> new MemberProfile(memberId, displayName, ProfileDetails.empty(), null));
    }

    private static MemberProfile view(UUID memberId, String displayName, Map<UUID, Profile> written) {
        var profile = written.get(memberId);
        return profile == null
                ? new MemberProfile(memberId, displayName, ProfileDetails.empty(), null)
                : new MemberProfile(memberId, displayName, profile.details(), profile.updatedAt());
    }
}
