package app.tandem.billing.payment;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What billing needs from a payment provider: a customer per organization, a subscription whose per-seat quantity
 * follows the seat ledger, hosted pages for paying and for payment details, and the invoices.
 *
 * <p>Every method may throw {@link PaymentProviderUnavailable} (the provider could not be reached or failed; the same
 * call may succeed later, and calls that change something may be repeated with the same idempotency key) or {@link
 * PaymentRequestRefused} (the provider refused the request; repeating it unchanged will not help).
 */
public interface PaymentGateway {

    /**
     * Creates the provider's customer for an organization. Repeating it for the same tenant returns the same customer
     * while the provider remembers the request (Stripe: 24 hours), so a resumed provisioning step does not create a
     * second one.
     *
     * @return the customer's id
     */
    String createCustomer(UUID tenantId, String organizationName, String email);

    /** Deletes a customer, undoing {@link #createCustomer}; a customer that no longer exists is fine. */
    void deleteCustomer(String customerId);

    /**
     * Starts a hosted checkout that subscribes the customer to a per-seat price. It can be paid until it expires.
     *
     * @return the checkout, with where to send the org admin to pay
     */
    OpenedCheckout checkout(Checkout request);

    /**
     * Expires a checkout that is still open, so that it can no longer be paid.
     *
     * @return true when it cannot be paid any more (expired now or before, or unknown); false when it was paid already
     */
    boolean expireCheckout(String sessionId);

    /**
     * Opens the provider's hosted page where an org admin manages payment details and sees invoices.
     *
     * @return where to send the org admin; it is valid for a short time only
     */
    URI portal(String customerId, URI returnUrl);

    /**
     * Opens the provider's hosted page where an org admin changes the plan (the price) of a subscription, prorated.
     *
     * @return where to send the org admin; it is valid for a short time only
     */
    URI changePlan(String customerId, String subscriptionId, URI returnUrl);

    /**
     * Reads a subscription as the provider holds it now. Webhook handling acts on this rather than on the event's
     * payload, because events arrive late, twice, or out of order.
     */
    SubscriptionState subscription(String subscriptionId);

    /**
     * Sets the seat quantity of a subscription item, prorating the difference on the next invoice.
     *
     * @param idempotencyKey a key of this very change (such as its outbox entry's id): a retry with the same key is
     *     applied once, and the provider refuses the same key with other values
     */
    void changeQuantity(String subscriptionItemId, int quantity, String idempotencyKey);

    /**
     * Cancels a subscription now, without waiting for the end of its period. A subscription that is already canceled
     * or does not exist is fine.
     */
    void cancelSubscription(String subscriptionId, String idempotencyKey);

    /** The customer's latest invoices, newest first. */
    List<Invoice> invoices(String customerId, int limit);

    /** A preview of the subscription's next invoice; empty when nothing will be invoiced. */
    Optional<Invoice> upcomingInvoice(String customerId, String subscriptionId);

    /**
     * A checkout for a per-seat subscription.
     *
     * @param tenantId the organization, sent along so the provider's records point back to it
     * @param customerId the organization's customer
     * @param priceId the provider's per-seat price
     * @param quantity the seats to subscribe to, at least one
     * @param successUrl where the provider sends the org admin after paying; Stripe's {@code {CHECKOUT_SESSION_ID}}
     *     placeholder may be written percent-encoded ({@code %7BCHECKOUT_SESSION_ID%7D}), as a URI must
     * @param cancelUrl where the provider sends the org admin who gives up
     */
    record Checkout(UUID tenantId, String customerId, String priceId, int quantity, URI successUrl, URI cancelUrl) {

        public Checkout {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(priceId, "priceId");
            Objects.requireNonNull(successUrl, "successUrl");
            Objects.requireNonNull(cancelUrl, "cancelUrl");
            if (quantity < 1) {
                throw new IllegalArgumentException("A checkout needs at least one seat, not " + quantity);
            }
        }
    }

    /**
     * A checkout the provider opened.
     *
     * @param sessionId the provider's id of the checkout
     * @param url where to send the org admin to pay
     * @param expiresAt until when it can be paid
     */
    record OpenedCheckout(String sessionId, URI url, Instant expiresAt) {}

    /**
     * A subscription as the provider holds it.
     *
     * @param tenantId the organization named in the subscription's metadata; null when it names none
     * @param status as the provider says it: {@code trialing}, {@code active}, {@code past_due}, {@code unpaid},
     *     {@code canceled}, {@code incomplete}, {@code incomplete_expired} or {@code paused}
     * @param itemId the first (for Tandem: the only) item, whose quantity is the seat count; null without items
     * @param priceId the first item's price; null without items
     * @param quantity the first item's quantity; zero without items
     * @param currentPeriodEnd when the first item's current period ends; null without items
     * @param trialEnd when the trial ends or ended; null without a trial
     * @param cancelAtPeriodEnd whether the subscription ends with its current period
     */
    record SubscriptionState(
            String id,
            String customerId,
            UUID tenantId,
            String status,
            String itemId,
            String priceId,
            int quantity,
            Instant currentPeriodEnd,
            Instant trialEnd,
            boolean cancelAtPeriodEnd) {}

    /**
     * An invoice, or the preview of one.
     *
     * @param id null for some previews
     * @param number null until the invoice is finalized
     * @param status {@code draft}, {@code open}, {@code paid}, {@code uncollectible} or {@code void}
     * @param amountDue in the currency's smallest unit (cents)
     * @param amountPaid in the currency's smallest unit (cents)
     * @param currency ISO 4217 code, lower case as the provider writes it
     * @param hostedUrl the page where the invoice can be paid; null for drafts and previews
     * @param pdfUrl the invoice as a PDF; null for drafts and previews
     */
    record Invoice(
            String id,
            String number,
            String status,
            long amountDue,
            long amountPaid,
            String currency,
            Instant created,
            URI hostedUrl,
            URI pdfUrl) {}
}
