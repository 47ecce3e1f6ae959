package app.tandem.identity.member;

import app.tandem.core.routing.OnTenantHost;
import app.tandem.identity.CurrentMember;
import app.tandem.identity.OrgRole;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in member and the organization's members. Everyone sees themselves; coordinators list members; org admins
 * change roles, deactivate and reactivate (the service methods check the roles, so every caller is held to them).
 */
@RestController
@OnTenantHost
@RequestMapping("/api/v1")
class MemberApi {

    private final Members members;
    private final CurrentMember currentMember;

    MemberApi(Members members, CurrentMember currentMember) {
        this.members = members;
        this.currentMember = currentMember;
    }

    /** A member as the API shows it. */
    record MemberResponse(
            UUID id,
            String email,
            String displayName,
            OrgRole role,
            MemberStatus status,
            Instant createdAt,
            Instant lastSeenAt) {

        static MemberResponse of(MemberView member) {
            return new MemberResponse(
                    member.id(),
                    member.email(),
                    member.displayName(),
                    member.role(),
                    member.status(),
                    member.createdAt(),
                    member.lastSeenAt());
        }
    }

    record RoleChange(OrgRole role) {}

    @GetMapping("/me")
    MemberResponse me() {
        return MemberResponse.of(members.get(currentMember.require().id()));
    }

    @GetMapping("/members")
    List<MemberResponse> list() {
        return members.list().stream().map(MemberResponse::of).toList();
    }

    @GetMapping("/members/{id}")
    MemberResponse get(@PathVariable UUID id) {
        currentMember.require(OrgRole.COORDINATOR);
        return MemberResponse.of(members.get(id));
    }

    @PutMapping("/members/{id}/role")
    MemberResponse changeRole(@PathVariable UUID id, @RequestBody RoleChange change) {
        if (change == null || change.role() == null) {
            throw new InvalidMember("Give the new role: ORG_ADMIN, COORDINATOR or MEMBER.");
        }
        return MemberResponse.of(members.changeRole(id, change.role()));
    }

    @PostMapping("/members/{id}/deactivation")
    MemberResponse deactivate(@PathVariable UUID id) {
        return MemberResponse.of(members.deactivate(id));
    }

    @PostMapping("/members/{id}/reactivation")
    MemberResponse reactivate(@PathVariable UUID id) {
        return MemberResponse.of(members.reactivate(id));
    }
}
