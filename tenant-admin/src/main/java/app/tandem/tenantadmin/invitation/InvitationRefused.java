package app.tandem.tenantadmin.invitation;

import app.tandem.core.web.DomainException;
import java.time.Instant;
import java.util.UUID;

/** An invitation cannot be made, sent, revoked or accepted; the message says why and what to do. */
public class InvitationRefused extends DomainException {

    InvitationRefused(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    static InvitationRefused invalid(String message) {
        return new InvitationRefused(Kind.INVALID, "invalid-invitation", message);
    }

    static InvitationRefused alreadyMember(String email) {
        return new InvitationRefused(Kind.CONFLICT, "already-member", email + " is already a member.");
    }

    static InvitationRefused alreadyInvited(String email) {
        return new InvitationRefused(
                Kind.CONFLICT,
                "already-invited",
                email + " has an open invitation already; resend it from the list of invitations.");
    }

    static InvitationRefused notFound(UUID id) {
        return new InvitationRefused(
                Kind.NOT_FOUND, "invitation-not-found", "This organization has no invitation " + id + ".");
    }

    static InvitationRefused unknownLink() {
        return new InvitationRefused(
                Kind.NOT_FOUND,
                "invitation-link-unknown",
                "This invitation link is not valid. It may have been replaced by a newer one: look for the latest"
                        + " invitation email, or ask the organization's administrators to send a new one.");
    }

    static InvitationRefused notPending(Invitation invitation) {
        return new InvitationRefused(
                Kind.CONFLICT,
                "invitation-closed",
                "The invitation of " + invitation.email() + " is "
                        + invitation.status().name().toLowerCase() + " already.");
    }

    static InvitationRefused notOpen(Invitation invitation, Instant now) {
        if (invitation.expired(now)) {
            return new InvitationRefused(
                    Kind.CONFLICT,
                    "invitation-expired",
                    "This invitation has expired. Ask the organization's administrators to send it again.");
        }
        return switch (invitation.status()) {
            case ACCEPTED ->
                new InvitationRefused(
                        Kind.CONFLICT, "invitation-accepted", "This invitation has been accepted already: sign in.");
            case REVOKED ->
                new InvitationRefused(
                        Kind.CONFLICT,
                        "invitation-revoked",
                        "This invitation was withdrawn. Ask the organization's administrators if you think it should"
                                + " not have been.");
            case PENDING -> throw new IllegalStateException("An open invitation is not refused");
        };
    }
}
