package app.tandem.billing.payment;

import app.tandem.billing.BillingProperties;
import app.tandem.core.web.DomainException.Kind;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionItemUpdateParams;
import com.stripe.param.billingportal.SessionCreateParams.FlowData;
import com.stripe.param.checkout.SessionCreateParams;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link PaymentGateway} on Stripe's API through stripe-java's {@link StripeClient}.
 *
 * <p>The client retries a request that failed on the network (connection refused, connect or read timeout), or was
 * answered with a 409 or a 5xx, up to {@code maxNetworkRetries} times with exponential back-off, unless Stripe answers
 * {@code Stripe-Should-Retry}. Every attempt of a POST carries the same {@code Idempotency-Key}: the caller's, or one
 * the client generates per call, so Stripe applies a retried change once. A 429 is not retried by the client.
 */
class StripePaymentGateway implements PaymentGateway {

    /** Where the tenant is named on Stripe's objects, so that webhooks and the dashboard point back to it. */
    static final String TENANT_ID = "tenant_id";

    // Stripe replaces this placeholder of a success URL with the session's id; a java.net.URI can only hold it
    // percent-encoded, and Stripe only recognizes it literally.
    private static final String CHECKOUT_SESSION_ID = "{CHECKOUT_SESSION_ID}";
    private static final String CHECKOUT_SESSION_ID_ENCODED = "%7BCHECKOUT_SESSION_ID%7D";

    private final StripeClient stripe;

    StripePaymentGateway(BillingProperties.Stripe settings) {
        this(StripeClient.builder()
                .setApiKey(settings.apiKey())
                .setApiBase(withoutTrailingSlash(settings.apiBase()))
                .setConnectTimeout(millis(settings.connectTimeout()))
                .setReadTimeout(millis(settings.readTimeout()))
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .build());
    }

    /** How long a checkout can be paid: Stripe allows 30 minutes to a day. */
    static final Duration CHECKOUT_LIFETIME = Duration.ofHours(1);

    StripePaymentGateway(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public String createCustomer(UUID tenantId, String organizationName, String email) {
        Objects.requireNonNull(tenantId, "tenantId");
        var params = CustomerCreateParams.builder()
                .setName(organizationName)
                .setEmail(email)
                .putMetadata(TENANT_ID, tenantId.toString())
                .build();
        // Derived from the tenant, so that a provisioning step that crashed after Stripe created the customer and is
        // run again gets the same customer back instead of a second one.
        var options = idempotent("customer-" + tenantId);
        return call(
                        "set up billing for your organization",
                        () -> stripe.v1().customers().create(params, options))
                .getId();
    }

    @Override
    public void deleteCustomer(String customerId) {
        try {
            stripe.v1().customers().delete(customerId);
        } catch (StripeException e) {
            if (!isMissing(e)) {
                throw translate(e, "remove your organization's billing customer");
            }
        }
    }

    @Override
    public OpenedCheckout checkout(Checkout request) {
        var params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(request.customerId())
                .setClientReferenceId(request.tenantId().toString())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setPrice(request.priceId())
                        .setQuantity((long) request.quantity())
                        .build())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata(TENANT_ID, request.tenantId().toString())
                        .build())
                .setSuccessUrl(withPlaceholders(request.successUrl()))
                .setCancelUrl(withPlaceholders(request.cancelUrl()))
                .setExpiresAt(Instant.now().plus(CHECKOUT_LIFETIME).getEpochSecond())
                .build();
        var session = call(
                "open the checkout", () -> stripe.v1().checkout().sessions().create(params));
        return new OpenedCheckout(session.getId(), URI.create(session.getUrl()), instant(session.getExpiresAt()));
    }

    @Override
    public boolean expireCheckout(String sessionId) {
        try {
            return !"complete"
                    .equals(stripe.v1().checkout().sessions().expire(sessionId).getStatus());
        } catch (StripeException e) {
            if (isMissing(e)) {
                return true;
            }
            if (!Integer.valueOf(400).equals(e.getStatusCode())) {
                throw translate(e, "close the checkout opened before");
            }
        }
        // Stripe expires only open checkouts: this one is expired or complete already.
        var status = call(
                        "read the checkout opened before",
                        () -> stripe.v1().checkout().sessions().retrieve(sessionId))
                .getStatus();
        return !"complete".equals(status);
    }

    @Override
    public URI portal(String customerId, URI returnUrl) {
        var params = com.stripe.param.billingportal.SessionCreateParams.builder()
                .setCustomer(customerId)
                .setReturnUrl(returnUrl.toString())
                .build();
        return URI.create(call(
                        "open the billing portal",
                        () -> stripe.v1().billingPortal().sessions().create(params))
                .getUrl());
    }

    @Override
    public URI changePlan(String customerId, String subscriptionId, URI returnUrl) {
        var flow = FlowData.builder()
                .setType(FlowData.Type.SUBSCRIPTION_UPDATE)
                .setSubscriptionUpdate(FlowData.SubscriptionUpdate.builder()
                        .setSubscription(subscriptionId)
                        .build())
                .build();
        var params = com.stripe.param.billingportal.SessionCreateParams.builder()
                .setCustomer(customerId)
                .setReturnUrl(returnUrl.toString())
                .setFlowData(flow)
                .build();
        return URI.create(call(
                        "open the plan change",
                        () -> stripe.v1().billingPortal().sessions().create(params))
                .getUrl());
    }

    @Override
    public SubscriptionState subscription(String subscriptionId) {
        var subscription =
                call("read your subscription", () -> stripe.v1().subscriptions().retrieve(subscriptionId));
        return state(subscription);
    }

    @Override
    public void changeQuantity(String subscriptionItemId, int quantity, String idempotencyKey) {
        if (quantity < 0) {
            throw new IllegalArgumentException("A seat quantity cannot be negative: " + quantity);
        }
        var params = SubscriptionItemUpdateParams.builder()
                .setQuantity((long) quantity)
                .setProrationBehavior(SubscriptionItemUpdateParams.ProrationBehavior.CREATE_PRORATIONS)
                .build();
        var options = idempotent(idempotencyKey);
        call(
                "change the number of seats of your subscription",
                () -> stripe.v1().subscriptionItems().update(subscriptionItemId, params, options));
    }

    @Override
    public void cancelSubscription(String subscriptionId, String idempotencyKey) {
        // Stripe gives a DELETE's idempotency key no effect (canceling is idempotent by itself); it is sent so the
        // request can be told apart in Stripe's logs. Stripe answers "No such subscription" (404) for a subscription
        // that is already canceled as well as for one that never existed.
        try {
            stripe.v1().subscriptions().cancel(subscriptionId, idempotent(idempotencyKey));
        } catch (StripeException e) {
            if (!isMissing(e)) {
                throw translate(e, "cancel your subscription");
            }
        }
    }

    @Override
    public List<Invoice> invoices(String customerId, int limit) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("Stripe lists 1 to 100 invoices at a time, not " + limit);
        }
        var params = InvoiceListParams.builder()
                .setCustomer(customerId)
                .setLimit((long) limit)
                .build();
        return call("list your invoices", () -> stripe.v1().invoices().list(params)).getData().stream()
                .map(StripePaymentGateway::invoice)
                .toList();
    }

    @Override
    public Optional<Invoice> upcomingInvoice(String customerId, String subscriptionId) {
        var params = InvoiceCreatePreviewParams.builder()
                .setCustomer(customerId)
                .setSubscription(subscriptionId)
                .build();
        try {
            return Optional.of(invoice(stripe.v1().invoices().createPreview(params)));
        } catch (StripeException e) {
            if ("invoice_upcoming_none".equals(e.getCode())) {
                return Optional.empty();
            }
            throw translate(e, "preview your next invoice");
        }
    }

    private static SubscriptionState state(Subscription subscription) {
        var items = subscription.getItems() == null
                ? List.<SubscriptionItem>of()
                : subscription.getItems().getData();
        var item = items.isEmpty() ? null : items.get(0);
        return new SubscriptionState(
                subscription.getId(),
                subscription.getCustomer(),
                tenantId(subscription.getMetadata()),
                subscription.getStatus(),
                item == null ? null : item.getId(),
                item == null || item.getPrice() == null ? null : item.getPrice().getId(),
                item == null || item.getQuantity() == null ? 0 : Math.toIntExact(item.getQuantity()),
                // Since API version 2025-03-31 the billing period is the item's, not the subscription's.
                item == null ? null : instant(item.getCurrentPeriodEnd()),
                instant(subscription.getTrialEnd()),
                Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()));
    }

    private static Invoice invoice(com.stripe.model.Invoice invoice) {
        return new Invoice(
                invoice.getId(),
                invoice.getNumber(),
                invoice.getStatus(),
                invoice.getAmountDue() == null ? 0 : invoice.getAmountDue(),
                invoice.getAmountPaid() == null ? 0 : invoice.getAmountPaid(),
                invoice.getCurrency(),
                instant(invoice.getCreated()),
                uri(invoice.getHostedInvoiceUrl()),
                uri(invoice.getInvoicePdf()));
    }

    // Metadata can be edited by hand in Stripe's dashboard, so a value that is not a tenant id names no tenant rather
    // than failing the webhook that reads it.
    private static UUID tenantId(Map<String, String> metadata) {
        var value = metadata == null ? null : metadata.get(TENANT_ID);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <T> T call(String action, StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            throw translate(e, action);
        }
    }

    /**
     * What a failure means for the caller. By the time an exception reaches here the client has already retried what
     * it retries (network errors, 409, 5xx), so those are left for later; so is a 429, which Stripe sends when too many
     * requests arrive at once. Any other answer is Stripe saying no.
     */
    private static RuntimeException translate(StripeException e, String action) {
        Integer status = e.getStatusCode();
        if (e instanceof ApiConnectionException
                || e instanceof RateLimitException
                || status == null
                || status < 400
                || status == 409
                || status >= 500) {
            return new PaymentProviderUnavailable(action, e);
        }
        var error = e.getStripeError();
        String code = e.getCode() != null ? e.getCode() : error == null ? null : error.getType();
        String message = e.getUserMessage();
        var kind = status == 400 && !(e instanceof IdempotencyException) ? Kind.INVALID : Kind.CONFLICT;
        var refused = new PaymentRequestRefused(kind, action, status, code, message);
        refused.initCause(e);
        return refused;
    }

    private static boolean isMissing(StripeException e) {
        return Integer.valueOf(404).equals(e.getStatusCode()) && "resource_missing".equals(e.getCode());
    }

    private static RequestOptions idempotent(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("A change sent to Stripe needs an idempotency key");
        }
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static String withPlaceholders(URI url) {
        return url.toString().replace(CHECKOUT_SESSION_ID_ENCODED, CHECKOUT_SESSION_ID);
    }

    private static String withoutTrailingSlash(URI apiBase) {
        var base = apiBase.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }

    private static Instant instant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }

    private static URI uri(String url) {
        return url == null ? null : URI.create(url);
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }
}
