package app.tandem.tenantadmin.invitation;

import app.tandem.core.audit.Actor;
import app.tandem.core.audit.AuditTrail;
import app.tandem.core.context.TenantContext;
import app.tandem.core.mail.EmailAddresses;
import app.tandem.core.mail.MailTemplates;
import app.tandem.core.mail.Outbox;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.identity.CurrentMember;
import app.tandem.identity.IdentityDirectory;
import app.tandem.identity.OrgRole;
import app.tandem.identity.member.Members;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations of the organization in scope: org admins invite, resend and revoke; the invitee accepts through the
 * link in the email, which creates or links their Keycloak user, adds them to the organization and makes them a
 * member with the invitation's role. Every change is audited, and its email goes through the outbox in the same
 * transaction.
 */
@Service
public class Invitations {

    static final String MAIL_TEMPLATE = "tenantadmin/mail/invitation";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final InvitationRepository invitations;
    private final Members members;
    private final IdentityDirectory directory;
    private final TenantRegistry registry;
    private final Outbox outbox;
    private final MailTemplates mailTemplates;
    private final AuditTrail audit;
    private final CurrentMember currentMember;
    private final Clock clock;

    Invitations(
            InvitationRepository invitations,
            Members members,
            IdentityDirectory directory,
            TenantRegistry registry,
            Outbox outbox,
            MailTemplates mailTemplates,
            AuditTrail audit,
            CurrentMember currentMember,
            Clock clock) {
        this.invitations = invitations;
        this.members = members;
        this.directory = directory;
        this.registry = registry;
        this.outbox = outbox;
        this.mailTemplates = mailTemplates;
        this.audit = audit;
        this.currentMember = currentMember;
        this.clock = clock;
    }

    /** What an invitation needs: whom, under which name, with which role. */
    public record Invite(String email, String displayName, OrgRole role) {}

    /** Invites one person; refused when they are a member or have an open invitation already. */
    @Transactional
    @PreAuthorize("hasRole('ORG_ADMIN')")
    public Invitation invite(Invite invite) {
        return create(valid(invite), null, currentMember.asActor());
    }

    /**
     * The invitation part of an import, on the import's own thread: the same checks and email as {@link #invite},
     * tagged with the import and done on behalf of the org admin who started it (checked when it started).
     */
    @Transactional
    Invitation inviteFromImport(Invite invite, UUID importId, Actor startedBy) {
        return create(valid(invite), importId, startedBy);
    }

    private Invitation create(Invite invite, UUID importId, Actor actor) {
        TenantContext.require();
        var now = clock.instant();
        if (members.findByEmail(invite.email()).isPresent()) {
            throw InvitationRefused.alreadyMember(invite.email());
        }
        var pending = invitations.findPending(invite.email());
        if (pending.isPresent()) {
            if (pending.get().open(now)) {
                throw InvitationRefused.alreadyInvited(invite.email());
            }
            // An expired invitation gives way to the new one.
            pending.get().revoke(now);
            invitations.flush();
        }
        var token = InvitationLinks.newToken();
        var invitation = invitations.save(new Invitation(
                invite.email(),
                invite.displayName(),
                invite.role(),
                InvitationLinks.hash(token),
                actor.name(),
                importId,
                now));
        send(invitation, token);
        audit.record(actor, "invitation.sent", invitation.email(), "as " + invitation.role());
        return invitation;
    }

    /** A new link for a pending invitation, valid for another seven days; the old link stops working. */
    @Transactional
    @PreAuthorize("hasRole('ORG_ADMIN')")
    public Invitation resend(UUID id) {
        var invitation = get(id);
        var token = InvitationLinks.newToken();
        invitation.resend(InvitationLinks.hash(token), clock.instant());
        send(invitation, token);
        audit.record(
                currentMember.asActor(), "invitation.resent", invitation.email(), "time " + invitation.timesSent());
        return invitation;
    }

    @Transactional
    @PreAuthorize("hasRole('ORG_ADMIN')")
    public Invitation revoke(UUID id) {
        var invitation = get(id);
        invitation.revoke(clock.instant());
        audit.record(currentMember.asActor(), "invitation.revoked", invitation.email(), "");
        return invitation;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ORG_ADMIN')")
    public Page<Invitation> list(int page, int size) {
        TenantContext.require();
        return invitations.findAllByOrderByCreatedAtDesc(
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200)));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ORG_ADMIN')")
    public Invitation get(UUID id) {
        TenantContext.require();
        return invitations.findById(id).orElseThrow(() -> InvitationRefused.notFound(id));
    }

    /** The invitation behind a link, whatever its state; the link of another tenant is unknown here. */
    @Transactional(readOnly = true)
    public Invitation byLink(String token) {
        TenantContext.require();
        if (!InvitationLinks.plausible(token)) {
            throw InvitationRefused.unknownLink();
        }
        return invitations.findByTokenHash(InvitationLinks.hash(token)).orElseThrow(InvitationRefused::unknownLink);
    }

    /** Whether the invitee already has a Keycloak account (then they sign in with it; else they choose a password). */
    public boolean inviteeHasAccount(Invitation invitation) {
        return directory.findUser(invitation.email()).isPresent();
    }

    /**
     * Accepts the invitation behind {@code token}. A new person's Keycloak user is created with {@code password} (the
     * link proves the email address); someone who has an account keeps it and {@code password} is ignored. Keycloak
     * changes come first and are idempotent, so accepting again after a failure finishes the job.
     */
    @Transactional
    public Invitation accept(String token, Optional<String> password) {
        var invitation = byLink(token);
        var now = clock.instant();
        if (!invitation.open(now)) {
            throw InvitationRefused.notOpen(invitation, now);
        }
        var existing = directory.findUser(invitation.email());
        String userId;
        if (existing.isPresent()) {
            userId = existing.get();
        } else {
            var chosen = password.filter(p -> !p.isBlank())
                    .orElseThrow(() -> InvitationRefused.invalid("Choose a password for your new account."));
            var names = invitation.displayName().strip().split("\\s+", 2);
            userId = directory.findOrCreateUser(invitation.email(), names[0], names.length > 1 ? names[1] : "");
            directory.setPassword(userId, chosen);
        }
        var tenant = registry.require(TenantContext.require());
        directory.addMember(tenant.slug(), userId);
        members.add(invitation.email(), invitation.displayName(), invitation.role());
        invitation.accept(now);
        audit.record(
                new Actor(userId, invitation.displayName()),
                "invitation.accepted",
                invitation.email(),
                "as " + invitation.role());
        return invitation;
    }

    private void send(Invitation invitation, String token) {
        var content = mailTemplates.render(
                MAIL_TEMPLATE,
                Map.of(
                        "name", invitation.displayName(),
                        "role", invitation.role().name(),
                        "inviter", invitation.invitedBy(),
                        "token", token,
                        "expires", DAY.format(invitation.expiresAt().atZone(ZoneOffset.UTC))));
        outbox.enqueue(content.to(invitation.email()));
    }

    /** The invite as it will be stored (email lower case, name stripped), or the reason it cannot be. */
    static Invite valid(Invite invite) {
        if (invite == null) {
            throw InvitationRefused.invalid("Give the email address, name and role of the person to invite.");
        }
        var email = invite.email() == null ? "" : invite.email().strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw InvitationRefused.invalid("Give the email address of the person to invite.");
        }
        if (!EmailAddresses.isValid(email)) {
            throw InvitationRefused.invalid("'" + invite.email().strip() + "' is not an email address.");
        }
        var name = invite.displayName() == null ? "" : invite.displayName().strip();
        if (name.isEmpty()) {
            throw InvitationRefused.invalid("Give the name of the person to invite.");
        }
        if (name.length() > 200) {
            throw InvitationRefused.invalid("A name is at most 200 characters long.");
        }
        if (invite.role() == null) {
            throw InvitationRefused.invalid("Choose a role: org admin, coordinator or member.");
        }
        return new Invite(email, name, invite.role());
    }
}
