package app.tandem.billing.account;

import app.tandem.billing.BillingProperties;
import app.tandem.core.context.TenantContext;
import app.tandem.core.context.TenantJobs;
import app.tandem.core.mail.MailTemplates;
import app.tandem.core.mail.Outbox;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.identity.member.Members;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What follows a failed payment, without an operator: the org admins are reminded on the days configured (by default
 * at once, after 7 and after 13 days), and when the grace period is over with the payment still overdue the
 * organization is suspended with reason {@value #REASON_PREFIX}: members see why, its data is kept, and its admins
 * can still reach the billing page to pay. A payment ends all of it ({@link BillingAccounts#takeSubscription}).
 *
 * <p>Each account is worked on under its row lock, skipped when another node holds it, and each reminder is recorded
 * in the transaction that writes its mail to the outbox: every reminder goes out once, across nodes and crashes.
 */
@Component
public class Dunning {

    /** How a suspension for billing begins its reason; routing lets admins through to billing for these. */
    public static final String REASON_PREFIX = "BILLING";

    static final String REASON = REASON_PREFIX
            + ": a payment is overdue. An administrator of the organization can pay on its billing page"
            + " (/admin/billing) to open it again.";

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final BillingAccountRepository accounts;
    private final TenantRegistry tenants;
    private final TenantJobs jobs;
    private final Members members;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Duration[] reminders;
    private final Clock clock;

    Dunning(
            BillingAccountRepository accounts,
            TenantRegistry tenants,
            TenantJobs jobs,
            Members members,
            MailTemplates templates,
            Outbox outbox,
            TransactionTemplate transactions,
            BillingProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.jobs = jobs;
        this.members = members;
        this.templates = templates;
        this.outbox = outbox;
        this.transactions = transactions;
        this.reminders = properties.dunning().reminders().clone();
        Arrays.sort(this.reminders);
        this.clock = clock;
    }

    /** Works through every organization whose payment is overdue. */
    @Scheduled(
            fixedDelayString = "${tandem.billing.dunning.interval:1h}",
            initialDelayString = "${tandem.billing.dunning.interval:1h}")
    public void run() {
        var due = accounts.pastDue().stream()
                .map(id -> tenants.find(new TenantId(id)))
                .flatMap(Optional::stream)
                .filter(tenant -> TenantRegistry.WITH_SCHEMA.contains(tenant.status()))
                .toList();
        jobs.forEach("dunning", due, tenant -> dun(tenant.id()));
    }

    /** A failed payment is told at once, not at the next run. */
    @ApplicationModuleListener
    void on(BillingStatusChanged changed) {
        TenantContext.require(changed.tenant());
        if (changed.change() == SubscriptionChange.PAYMENT_FAILED) {
            dun(changed.tenant());
        }
    }

    /** Sends the reminder due and suspends the organization when its grace is over; runs in the tenant's scope. */
    void dun(TenantId tenant) {
        transactions.executeWithoutResult(tx -> {
            var account = accounts.lockUnlessLocked(tenant.value()).orElse(null);
            if (account == null) {
                return;
            }
            var now = clock.instant();
            int due = 0;
            for (int i = 0; i < reminders.length; i++) {
                if (account.reminderDue(i + 1, reminders[i], now)) {
                    due = i + 1;
                }
            }
            if (account.graceOver(now)) {
                if (tenants.require(tenant).status() == TenantStatus.ACTIVE) {
                    tenants.suspend(tenant, REASON);
                }
                account.suspendedForBilling(now);
                account.reminded(reminders.length, now);
                mail("billing/mail/organization-suspended", account, 0);
                return;
            }
            if (due > 0) {
                account.reminded(due, now);
                mail("billing/mail/payment-failed", account, due);
            }
        });
    }

    private void mail(String template, BillingAccount account, int reminder) {
        var mail = templates.render(
                template,
                Map.of(
                        "reminder",
                        reminder,
                        "last",
                        reminder == reminders.length,
                        "graceEndsAt",
                        DATE.format(account.graceEndsAt()),
                        "pastDueSince",
                        DATE.format(account.pastDueSince())));
        members.orgAdminEmails().forEach(email -> outbox.enqueue(mail.to(email)));
    }
}
