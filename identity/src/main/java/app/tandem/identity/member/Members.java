package app.tandem.identity.member;

import app.tandem.core.audit.Actor;
import app.tandem.core.audit.AuditTrail;
import app.tandem.core.context.TenantContext;
import app.tandem.core.mail.EmailAddresses;
import app.tandem.identity.CurrentMember;
import app.tandem.identity.MemberDeactivated;
import app.tandem.identity.OrgRole;
import app.tandem.identity.SignedInMember;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The members of the organization in scope: sign-in linking, roles and status. */
@Service
public class Members {

    private final MemberRepository members;
    private final AuditTrail audit;
    private final CurrentMember currentMember;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Members(
            MemberRepository members,
            AuditTrail audit,
            CurrentMember currentMember,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.members = members;
        this.audit = audit;
        this.currentMember = currentMember;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /**
     * The member a Keycloak user is in the organization in scope, checked on every signed-in request. The first
     * sign-in links the member row that carries the user's email (seeded or invited) or creates one with role
     * {@link OrgRole#MEMBER}. Email and name follow Keycloak; the last-seen time is kept to five minutes.
     *
     * @throws MemberRefused when the member is deactivated, or their email belongs to another linked account
     */
    public SignedInMember signIn(String keycloakUserId, String email, String displayName) {
        var tenant = TenantContext.require();
        if (email == null || email.isBlank()) {
            throw MemberRefused.withoutEmail();
        }
        var normalised = email.strip().toLowerCase(Locale.ROOT);
        try {
            return transactions
                    .execute(status -> signInOnce(keycloakUserId, email, displayName))
                    .snapshot(tenant);
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException race) {
            // Two requests of the same person at once: the other one created (or just updated) the row, so this one
            // finds it as it is now.
            return transactions
                    .execute(status -> signInOnce(keycloakUserId, email, displayName))
                    .snapshot(tenant);
        }
    }

    private Member signInOnce(String keycloakUserId, String email, String displayName) {
        var now = clock.instant();
        var name = displayName == null || displayName.isBlank() ? email : displayName;
        var member = members.findByKeycloakUserId(keycloakUserId).orElse(null);
        if (member == null) {
            member = members.findByEmail(email).orElse(null);
            if (member != null && member.keycloakUserId() != null) {
                throw MemberRefused.emailOfAnotherAccount();
            }
            if (member == null) {
                var joined = members.saveAndFlush(new Member(keycloakUserId, email, name, OrgRole.MEMBER, now));
                audit.record(new Actor(joined.id().toString(), name), "member.joined", email, "first sign-in");
                return joined;
            }
            member.signedIn(keycloakUserId, email, name, now);
        }
        if (!member.active()) {
            throw MemberRefused.deactivated();
        }
        if (member.seenLongAgo(now)
                || !member.email().equals(email)
                || !member.displayName().equals(name)) {
            member.signedIn(keycloakUserId, email, name, now);
        }
        return member;
    }

    /**
     * Adds a member who is not signed in yet, linked on their first sign-in by email (demo data, imports). Nothing
     * changes when the email is already a member.
     */
    @Transactional
    public MemberView add(String email, String displayName, OrgRole role) {
        TenantContext.require();
        var normalised = validEmail(email);
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidMember("Give the member's name.");
        }
        if (displayName.strip().length() > 200) {
            throw new InvalidMember("A member's name is at most 200 characters long.");
        }
        return members.findByEmail(normalised)
                .orElseGet(() -> members.save(new Member(null, normalised, displayName.strip(), role, clock.instant())))
                .view();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COORDINATOR')")
    public List<MemberView> list() {
        TenantContext.require();
        return members.findAllByOrderByDisplayNameAsc().stream()
                .map(Member::view)
                .toList();
    }

    /**
     * One page of members whose name or email contains {@code text} (any case), optionally of one role and status,
     * ordered by name.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COORDINATOR')")
    public Page<MemberView> search(String text, OrgRole role, MemberStatus status, int page, int size) {
        TenantContext.require();
        var query = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return members.search(query, role, status, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200)))
                .map(Member::view);
    }

    /** The member with this email address (any case), if there is one. */
    @Transactional(readOnly = true)
    public Optional<MemberView> findByEmail(String email) {
        TenantContext.require();
        return members.findByEmail(email.strip()).map(Member::view);
    }

    /** Which of these email addresses (lower case) belong to members already; one query for a whole import. */
    @Transactional(readOnly = true)
    public Set<String> membersAmong(Collection<String> emails) {
        TenantContext.require();
        if (emails.isEmpty()) {
            return Set.of();
        }
        var lowered = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
        var found = new HashSet<String>();
        // Chunks keep the IN list far below PostgreSQL's limit of bind parameters.
        for (int from = 0; from < lowered.size(); from += 1000) {
            found.addAll(members.emailsAmong(lowered.subList(from, Math.min(from + 1000, lowered.size()))));
        }
        return found;
    }

    @Transactional(readOnly = true)
    public MemberView get(UUID id) {
        return entity(id).view();
    }

    private Member entity(UUID id) {
        TenantContext.require();
        return members.findById(id).orElseThrow(() -> new MemberNotFound(id));
    }

    /** The members with these ids, keyed by id (ids of no member of this organization are left out); one query. */
    @Transactional(readOnly = true)
    public Map<UUID, MemberView> byIds(Collection<UUID> ids) {
        TenantContext.require();
        var found = new HashMap<UUID, MemberView>();
        var distinct = List.copyOf(new HashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += 1000) {
            members.findAllById(distinct.subList(from, Math.min(from + 1000, distinct.size())))
                    .forEach(member -> found.put(member.id(), member.view()));
        }
        return found;
    }

    /** Changes a member's role; the organization keeps at least one active org admin. */
    @Transactional
    @PreAuthorize("hasRole('ORG_ADMIN')")
    public MemberView changeRole(UUID id, OrgRole role) {
        var member = entity(id);
        if (member.role() == OrgRole.ORG_ADMIN && role != OrgRole.ORG_ADMIN && member.active()) {
            requireAnotherOrgAdmin();
        }
        var before = member.role();
        member.changeRole(role);
        if (before != role) {
            audit.record(currentMember.asActor(), "member.role-changed", member.email(), before + " → " + role);
        }
        return member.view();
    }

    /**
     * Refuses the member everywhere from their next request on, and publishes {@link MemberDeactivated} so that what
     * they hold elsewhere ends; the organization keeps an active org admin.
     */
    @Transactional
    @PreAuthorize("hasRole('ORG_ADMIN')")
    public MemberView deactivate(UUID id) {
        var member = entity(id);
        if (!member.active()) {
            return member.view();
        }
        if (member.role() == OrgRole.ORG_ADMIN) {
            requireAnotherOrgAdmin();
        }
        var now = clock.instant();
        member.deactivate(now);
        events.publishEvent(new MemberDeactivated(TenantContext.require(), member.id(), member.email(), now));
        audit.record(currentMember.asActor(), "member.deactivated", member.email(), "");
        return member.view();
    }

    @Transactional
    @PreAuthorize("hasRole('ORG_ADMIN')")
    public MemberView reactivate(UUID id) {
        var member = entity(id);
        if (!member.active()) {
            member.reactivate();
            audit.record(currentMember.asActor(), "member.reactivated", member.email(), "");
        }
        return member.view();
    }

    /**
     * The email addresses of the organization's active org admins, for notices only they act on (seats running out).
     * Open to any code in the organization's scope: it names only who administers it.
     */
    @Transactional(readOnly = true)
    public List<String> orgAdminEmails() {
        TenantContext.require();
        return members.activeEmails(OrgRole.ORG_ADMIN);
    }

    private void requireAnotherOrgAdmin() {
        if (members.countActive(OrgRole.ORG_ADMIN) <= 1) {
            throw new LastOrgAdmin();
        }
    }

    private static String validEmail(String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidMember("Give the member's email address.");
        }
        var normalised = email.strip().toLowerCase(Locale.ROOT);
        if (!EmailAddresses.isValid(normalised)) {
            throw new InvalidMember("'" + email.strip() + "' is not an email address.");
        }
        return normalised;
    }
}
