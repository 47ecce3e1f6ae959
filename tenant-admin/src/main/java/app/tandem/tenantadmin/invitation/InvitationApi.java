package app.tandem.tenantadmin.invitation;

import app.tandem.core.routing.OnTenantHost;
import app.tandem.identity.OrgRole;
import app.tandem.tenantadmin.invitation.Invitations.Invite;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Invitations for org admins' tools: list, invite, resend, revoke (accepting stays with the person, in a browser). */
@RestController
@OnTenantHost
@RequestMapping("/api/v1/invitations")
class InvitationApi {

    private final Invitations invitations;
    private final Clock clock;

    InvitationApi(Invitations invitations, Clock clock) {
        this.invitations = invitations;
        this.clock = clock;
    }

    /** An invitation as the API shows it; the link itself only ever travels by email. */
    record InvitationView(
            UUID id,
            String email,
            String displayName,
            OrgRole role,
            String state,
            String invitedBy,
            Instant createdAt,
            Instant expiresAt,
            int timesSent) {

        static InvitationView of(Invitation invitation, Instant now) {
            return new InvitationView(
                    invitation.id(),
                    invitation.email(),
                    invitation.displayName(),
                    invitation.role(),
                    invitation.state(now),
                    invitation.invitedBy(),
                    invitation.createdAt(),
                    invitation.expiresAt(),
                    invitation.timesSent());
        }
    }

    @GetMapping
    List<InvitationView> list(@RequestParam(defaultValue = "0") int page) {
        var now = clock.instant();
        return invitations.list(page, 100).stream()
                .map(invitation -> InvitationView.of(invitation, now))
                .toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    InvitationView invite(@RequestBody Invite invite) {
        return InvitationView.of(invitations.invite(invite), clock.instant());
    }

    @GetMapping("/{id}")
    InvitationView get(@PathVariable UUID id) {
        return InvitationView.of(invitations.get(id), clock.instant());
    }

    @PostMapping("/{id}/resend")
    InvitationView resend(@PathVariable UUID id) {
        return InvitationView.of(invitations.resend(id), clock.instant());
    }

    @PostMapping("/{id}/revoke")
    InvitationView revoke(@PathVariable UUID id) {
        return InvitationView.of(invitations.revoke(id), clock.instant());
    }
}
