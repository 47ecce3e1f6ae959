package app.tandem.tenantadmin.invitation;

import app.tandem.core.audit.Actor;
import app.tandem.core.context.TenantContext;
import app.tandem.core.context.TenantScope;
import app.tandem.identity.CurrentMember;
import app.tandem.identity.member.Members;
import app.tandem.tenantadmin.invitation.Invitations.Invite;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inviting many people at once from CSV: a preview that says what is wrong with each row (and changes nothing), then
 * an import of the good rows in the background, in batches, with its progress kept in the tenant's schema. Rows that
 * became invalid in between (someone joined, was invited) are skipped and counted, never invited twice.
 */
@Service
public class InvitationImports {

    private static final Logger log = LoggerFactory.getLogger(InvitationImports.class);
    private static final int BATCH = 100;

    private final Invitations invitations;
    private final InvitationRepository invitationRows;
    private final InvitationImportRepository imports;
    private final Members members;
    private final CurrentMember currentMember;
    private final TransactionTemplate transactions;
    private final Executor executor;
    private final Clock clock;

    InvitationImports(
            Invitations invitations,
            InvitationRepository invitationRows,
            InvitationImportRepository imports,
            Members members,
            CurrentMember currentMember,
            PlatformTransactionManager transactions,
            @Qualifier("applicationTaskExecutor") Executor executor,
            Clock clock) {
        this.invitations = invitations;
        this.invitationRows = invitationRows;
        this.imports = imports;
        this.members = members;
        this.currentMember = currentMember;
        this.transactions = new TransactionTemplate(transactions);
        this.executor = executor;
        this.clock = clock;
    }

    /** One row of a preview: what it says, and why it cannot be invited (null when it can). */
    public record Row(int line, String email, String name, String role, Invite invite, String problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    /** Every row of the file checked against the file itself and the organization; nothing is changed. */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    public List<Row> preview(String csv) {
        TenantContext.require();
        var lines = InvitationCsv.read(csv);
        var emails = lines.stream()
                .map(line -> line.email().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        var alreadyMembers = members.membersAmong(emails);
        var alreadyInvited = new HashSet<String>();
        for (int from = 0; from < emails.size(); from += 1000) {
            alreadyInvited.addAll(
                    invitationRows.pendingAmong(emails.subList(from, Math.min(from + 1000, emails.size()))));
        }
        var seen = new HashSet<String>();
        return lines.stream()
                .map(line -> check(line, alreadyMembers, alreadyInvited, seen))
                .toList();
    }

    private static Row check(
            InvitationCsv.Line line, Set<String> alreadyMembers, Set<String> alreadyInvited, Set<String> seen) {
        var role = InvitationCsv.role(line.role());
        if (role == null) {
            return problem(line, "unknown role '" + line.role() + "' (org admin, coordinator or member)");
        }
        Invite invite;
        try {
            invite = Invitations.valid(new Invite(line.email(), line.name(), role));
        } catch (InvitationRefused e) {
            return problem(line, e.getMessage());
        }
        if (!seen.add(invite.email())) {
            return problem(line, "duplicate of an earlier row");
        }
        if (alreadyMembers.contains(invite.email())) {
            return problem(line, "already a member");
        }
        if (alreadyInvited.contains(invite.email())) {
            return problem(line, "already invited");
        }
        return new Row(line.number(), line.email(), line.name(), role.name(), invite, null);
    }

    private static Row problem(InvitationCsv.Line line, String problem) {
        return new Row(line.number(), line.email(), line.name(), line.role(), null, problem);
    }

    /** Checks the file again and invites its good rows in the background; returns the import to follow. */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    public InvitationImport start(String csv) {
        var tenant = TenantContext.require();
        var invites = preview(csv).stream().filter(Row::ok).map(Row::invite).toList();
        if (invites.isEmpty()) {
            throw InvitationRefused.invalid("No row of the file can be invited; the preview says why for each.");
        }
        var startedBy = currentMember.asActor();
        var started = transactions.execute(
                status -> imports.save(new InvitationImport(invites.size(), startedBy.name(), clock.instant())));
        executor.execute(() -> TenantScope.run(tenant, () -> run(started.id(), invites, startedBy)));
        return started;
    }

    public InvitationImport progress(UUID id) {
        TenantContext.require();
        return imports.findById(id).orElseThrow(() -> InvitationRefused.invalid("No such import: " + id));
    }

    private void run(UUID importId, List<Invite> invites, Actor startedBy) {
        try {
            for (int from = 0; from < invites.size(); from += BATCH) {
                var batch = invites.subList(from, Math.min(from + BATCH, invites.size()));
                int invited = 0;
                for (var invite : batch) {
                    if (tryInvite(invite, importId, startedBy)) {
                        invited++;
                    }
                }
                int done = invited;
                int skipped = batch.size() - invited;
                transactions.executeWithoutResult(
                        status -> imports.findById(importId).orElseThrow().progressed(done, skipped));
            }
            transactions.executeWithoutResult(
                    status -> imports.findById(importId).orElseThrow().finish(clock.instant()));
        } catch (RuntimeException e) {
            log.error("Invitation import {} failed", importId, e);
            transactions.executeWithoutResult(
                    status -> imports.findById(importId).orElseThrow().fail(e.getMessage(), clock.instant()));
        }
    }

    /**
     * One invitation in a transaction of its own, so a row that became invalid since the preview (someone joined or
     * was invited meanwhile) is skipped without undoing the others.
     */
    private boolean tryInvite(Invite invite, UUID importId, Actor startedBy) {
        try {
            invitations.inviteFromImport(invite, importId, startedBy);
            return true;
        } catch (InvitationRefused | DataIntegrityViolationException e) {
            return false;
        }
    }
}
