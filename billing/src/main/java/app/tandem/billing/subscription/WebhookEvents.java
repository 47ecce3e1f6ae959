package app.tandem.billing.subscription;

import app.tandem.billing.account.BillingAccounts;
import app.tandem.billing.payment.PaymentGateway;
import app.tandem.billing.payment.PaymentGateway.SubscriptionState;
import app.tandem.billing.payment.PaymentRequestRefused;
import app.tandem.billing.payment.VerifiedEvent;
import app.tandem.core.context.TenantScope;
import app.tandem.core.mail.MailTemplates;
import app.tandem.core.mail.Outbox;
import app.tandem.core.tenant.TenantId;
import app.tandem.identity.member.Members;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies each verified Stripe event once. The event's id is written to {@code platform.billing_webhook_events} in
 * the same transaction as its effect, so a replay (or a concurrent second delivery, which waits for the first) finds
 * it and does nothing. The effect never trusts the event's copy of the subscription: it reads the subscription as
 * Stripe holds it now, so events applied late or out of order ({@code updated} before {@code created}) leave the
 * account as Stripe has it. Types Tandem does not act on are recorded and acknowledged.
 */
@Service
public class WebhookEvents {

    /** What became of an event. */
    public enum Outcome {
        /** Its effect was applied. */
        APPLIED,
        /** It was handled before; nothing was done. */
        DUPLICATE,
        /** Tandem does not act on its type, or it is about no organization of this platform. */
        IGNORED
    }

    private static final Set<String> SUBSCRIPTION_EVENTS = Set.of(
            "customer.subscription.created",
            "customer.subscription.updated",
            "customer.subscription.deleted",
            "customer.subscription.trial_will_end",
            "customer.subscription.paused",
            "customer.subscription.resumed");

    private static final Set<String> INVOICE_EVENTS =
            Set.of("invoice.paid", "invoice.payment_failed", "invoice.payment_action_required");

    private static final JsonMapper JSON = JsonMapper.shared();

    private final BillingAccounts accounts;
    private final ObjectProvider<PaymentGateway> gateway;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Members members;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final Clock clock;
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Counter refused;

    WebhookEvents(
            BillingAccounts accounts,
            ObjectProvider<PaymentGateway> gateway,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Members members,
            MailTemplates templates,
            Outbox outbox,
            MeterRegistry meters,
            Clock clock) {
        this.accounts = accounts;
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.members = members;
        this.templates = templates;
        this.outbox = outbox;
        this.clock = clock;
        for (var outcome : Outcome.values()) {
            outcomes.put(
                    outcome,
                    Counter.builder("tandem.billing.webhooks")
                            .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                            .description("Stripe events received, by what became of them")
                            .register(meters));
        }
        this.refused = Counter.builder("tandem.billing.webhooks")
                .tag("outcome", "refused")
                .description("Stripe events received, by what became of them")
                .register(meters);
    }

    /** Counts an event refused before it got here: its signature was bad or too old. */
    void refused() {
        refused.increment();
    }

    /**
     * Applies a verified event once; throws (and records nothing) when its effect could not be applied. The
     * subscription is read from Stripe before the transaction opens, so a slow Stripe holds no database connection.
     */
    public Outcome handle(VerifiedEvent event) {
        var object = JSON.readTree(event.objectJson());
        var tenant = tenantOf(event, object);
        Outcome outcome;
        if (tenant.isEmpty()) {
            outcome = record(event, null, Outcome.IGNORED) ? Outcome.IGNORED : Outcome.DUPLICATE;
        } else {
            var subscriptionId = subscriptionOf(event, object);
            // A replay (Stripe sends an event again when our answer was late) asks Stripe nothing; the insert in the
            // transaction below still decides, should two deliveries pass this check at once.
            var state = subscriptionId == null || handledBefore(event) ? null : current(subscriptionId, event, object);
            outcome = TenantScope.get(
                    tenant.get(),
                    () -> transactions.execute(tx -> {
                        if (!record(event, tenant.get(), Outcome.APPLIED)) {
                            return Outcome.DUPLICATE;
                        }
                        var applied = apply(tenant.get(), event, object, state);
                        if (applied != Outcome.APPLIED) {
                            markOutcome(event, applied);
                        }
                        return applied;
                    }));
        }
        outcomes.get(outcome).increment();
        return outcome;
    }

    private Outcome apply(TenantId tenant, VerifiedEvent event, JsonNode object, SubscriptionState state) {
        if (state == null || !accounts.owns(tenant, state)) {
            return Outcome.IGNORED;
        }
        accounts.takeSubscription(tenant, state);
        if ("invoice.payment_action_required".equals(event.type())) {
            var mail = templates.render(
                    "billing/mail/payment-action-required",
                    Map.of("invoiceUrl", text(object, "hosted_invoice_url", "")));
            members.orgAdminEmails().forEach(email -> outbox.enqueue(mail.to(email)));
        }
        return Outcome.APPLIED;
    }

    /** The subscription as Stripe holds it now; for a deleted one Stripe no longer knows, the event's last word. */
    private SubscriptionState current(String subscriptionId, VerifiedEvent event, JsonNode object) {
        var payments = gateway.getObject();
        try {
            return payments.subscription(subscriptionId);
        } catch (PaymentRequestRefused e) {
            if ("customer.subscription.deleted".equals(event.type())) {
                return new SubscriptionState(
                        subscriptionId,
                        text(object, "customer", null),
                        null,
                        "canceled",
                        null,
                        null,
                        0,
                        null,
                        null,
                        false);
            }
            throw e;
        }
    }

    private static String subscriptionOf(VerifiedEvent event, JsonNode object) {
        if (SUBSCRIPTION_EVENTS.contains(event.type())) {
            return event.objectId();
        }
        if ("checkout.session.completed".equals(event.type())) {
            return text(object, "subscription", null);
        }
        if (INVOICE_EVENTS.contains(event.type())) {
            var direct = text(object, "subscription", null);
            if (direct != null) {
                return direct;
            }
            // API versions from 2025 on name an invoice's subscription under parent.subscription_details.
            return text(object.path("parent").path("subscription_details"), "subscription", null);
        }
        return null;
    }

    private Optional<TenantId> tenantOf(VerifiedEvent event, JsonNode object) {
        if (!SUBSCRIPTION_EVENTS.contains(event.type())
                && !INVOICE_EVENTS.contains(event.type())
                && !"checkout.session.completed".equals(event.type())) {
            return Optional.empty();
        }
        return accounts.tenantOfCustomer(text(object, "customer", null));
    }

    /** Writes the event's id; false when it was written before (by this transaction's commit, it is handled). */
    private boolean handledBefore(VerifiedEvent event) {
        return jdbc.sql("select exists (select 1 from platform.billing_webhook_events where event_id = :id)")
                .param("id", event.id())
                .query(Boolean.class)
                .single();
    }

    private boolean record(VerifiedEvent event, TenantId tenant, Outcome outcome) {
        return jdbc.sql("""
                        insert into platform.billing_webhook_events (event_id, type, tenant_id, outcome, received_at)
                        values (:id, :type, :tenant, :outcome, :at)
                        on conflict (event_id) do nothing
                        """)
                        .param("id", event.id())
                        .param("type", abbreviate(event.type()))
                        .param("tenant", tenant == null ? null : tenant.value())
                        .param("outcome", outcome.name())
                        .param("at", Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    private void markOutcome(VerifiedEvent event, Outcome outcome) {
        jdbc.sql("update platform.billing_webhook_events set outcome = :outcome where event_id = :id")
                .param("outcome", outcome.name())
                .param("id", event.id())
                .update();
    }

    private static String abbreviate(String type) {
        return type.length() <= 100 ? type : type.substring(0, 100);
    }

    private static String text(JsonNode node, String member, String otherwise) {
        var value = node.get(member);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (value.isObject()) {
            // An expanded object: its id.
            var id = value.get("id");
            return id == null || id.isNull() ? otherwise : id.asString();
        }
        return value.asString();
    }
}
