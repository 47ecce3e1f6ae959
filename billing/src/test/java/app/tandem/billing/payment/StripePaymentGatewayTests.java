package app.tandem.billing.payment;

import static app.tandem.billing.payment.StripeResponses.CUSTOMER_ID;
import static app.tandem.billing.payment.StripeResponses.ITEM_ID;
import static app.tandem.billing.payment.StripeResponses.PERIOD_END;
import static app.tandem.billing.payment.StripeResponses.PERIOD_START;
import static app.tandem.billing.payment.StripeResponses.PRICE_ID;
import static app.tandem.billing.payment.StripeResponses.SUBSCRIPTION_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tandem.billing.BillingProperties;
import app.tandem.billing.payment.PaymentGateway.Checkout;
import app.tandem.billing.payment.PaymentGateway.Invoice;
import app.tandem.billing.payment.PaymentGateway.SubscriptionState;
import app.tandem.core.web.DomainException.Kind;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StripePaymentGatewayTests {

    private static final String API_KEY = "sk_test_51TandemTestKey";
    private static final UUID TENANT = UUID.fromString("0f8b6c1e-8c57-4c2e-9d43-2a6f1b0e7a11");
    private static final String JSON = "application/json";

    @RegisterExtension
    static WireMockExtension stripe = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final PaymentGateway gateway = gateway(Duration.ofSeconds(5), 2);

    @Test
    void createsTheCustomerOfATenantWithAKeyOfThatTenant() {
        stripe.stubFor(post("/v1/customers").willReturn(okJson(StripeResponses.customer(TENANT))));

        String customerId = gateway.createCustomer(TENANT, "Acme Association", "admin@acme.example");

        assertThat(customerId).isEqualTo(CUSTOMER_ID);
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/customers"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Idempotency-Key", equalTo("customer-" + TENANT))
                .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
                .withFormParam("name", equalTo("Acme Association"))
                .withFormParam("email", equalTo("admin@acme.example"))
                .withFormParam("metadata[tenant_id]", equalTo(TENANT.toString())));
    }

    @Test
    void deletesACustomer() {
        stripe.stubFor(delete("/v1/customers/" + CUSTOMER_ID).willReturn(okJson(StripeResponses.deletedCustomer())));

        gateway.deleteCustomer(CUSTOMER_ID);

        stripe.verify(deleteRequestedFor(urlPathEqualTo("/v1/customers/" + CUSTOMER_ID))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY)));
    }

    @Test
    void deletingACustomerThatIsGoneIsDone() {
        stripe.stubFor(delete("/v1/customers/" + CUSTOMER_ID)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", JSON)
                        .withBody(StripeResponses.error(
                                "invalid_request_error",
                                "resource_missing",
                                "No such customer: '" + CUSTOMER_ID + "'",
                                "id"))));

        gateway.deleteCustomer(CUSTOMER_ID);

        stripe.verify(1, deleteRequestedFor(urlPathEqualTo("/v1/customers/" + CUSTOMER_ID)));
    }

    @Test
    void opensACheckoutOfASubscriptionForTheSeats() {
        stripe.stubFor(post("/v1/checkout/sessions").willReturn(okJson(StripeResponses.checkoutSession(TENANT))));

        var opened = gateway.checkout(new Checkout(
                TENANT,
                CUSTOMER_ID,
                PRICE_ID,
                42,
                URI.create("https://acme.tandem.example/billing?session=%7BCHECKOUT_SESSION_ID%7D"),
                URI.create("https://acme.tandem.example/billing")));

        assertThat(opened.url())
                .hasToString("https://checkout.stripe.com/c/pay/cs_test_a1TandemAcme#fidkdWxOYHwnPyd1blpxYHZxWjA0");
        assertThat(opened.sessionId()).isEqualTo("cs_test_a1TandemAcme");
        assertThat(opened.expiresAt())
                .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withFormParam("expires_at", matching("[0-9]{10}"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Idempotency-Key", matching(".+"))
                .withFormParam("mode", equalTo("subscription"))
                .withFormParam("customer", equalTo(CUSTOMER_ID))
                .withFormParam("client_reference_id", equalTo(TENANT.toString()))
                .withFormParam("line_items[0][price]", equalTo(PRICE_ID))
                .withFormParam("line_items[0][quantity]", equalTo("42"))
                .withFormParam("subscription_data[metadata][tenant_id]", equalTo(TENANT.toString()))
                .withFormParam(
                        "success_url", equalTo("https://acme.tandem.example/billing?session={CHECKOUT_SESSION_ID}"))
                .withFormParam("cancel_url", equalTo("https://acme.tandem.example/billing")));
    }

    @Test
    void expiringAnOpenCheckoutClosesIt() {
        stripe.stubFor(post("/v1/checkout/sessions/cs_open/expire")
                .willReturn(okJson(StripeResponses.checkoutSession(TENANT, "cs_open", "expired"))));

        assertThat(gateway.expireCheckout("cs_open")).isTrue();

        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/cs_open/expire")));
    }

    @Test
    void aCheckoutThatWasPaidCannotBeExpiredAndSaysSo() {
        stripe.stubFor(post("/v1/checkout/sessions/cs_paid/expire").willReturn(notOpen("cs_paid")));
        stripe.stubFor(get("/v1/checkout/sessions/cs_paid")
                .willReturn(okJson(StripeResponses.checkoutSession(TENANT, "cs_paid", "complete"))));

        assertThat(gateway.expireCheckout("cs_paid")).isFalse();
    }

    @Test
    void aCheckoutThatHadExpiredAlreadyCountsAsClosed() {
        stripe.stubFor(post("/v1/checkout/sessions/cs_gone/expire").willReturn(notOpen("cs_gone")));
        stripe.stubFor(get("/v1/checkout/sessions/cs_gone")
                .willReturn(okJson(StripeResponses.checkoutSession(TENANT, "cs_gone", "expired"))));

        assertThat(gateway.expireCheckout("cs_gone")).isTrue();
    }

    private static ResponseDefinitionBuilder notOpen(String sessionId) {
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", JSON)
                .withBody(StripeResponses.error(
                        "invalid_request_error",
                        null,
                        "Only Checkout Sessions with a status in [open] can be expired. This Checkout Session ("
                                + sessionId + ") is not open.",
                        null));
    }

    @Test
    void opensTheCustomerPortal() {
        stripe.stubFor(post("/v1/billing_portal/sessions").willReturn(okJson(StripeResponses.portalSession())));

        URI url = gateway.portal(CUSTOMER_ID, URI.create("https://acme.tandem.example/billing"));

        assertThat(url).hasToString("https://billing.stripe.com/p/session/test_YWNjdF8xUVRhbmRlbQ");
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/billing_portal/sessions"))
                .withFormParam("customer", equalTo(CUSTOMER_ID))
                .withFormParam("return_url", equalTo("https://acme.tandem.example/billing")));
    }

    @Test
    void readsTheCurrentStateOfASubscription() {
        stripe.stubFor(get("/v1/subscriptions/" + SUBSCRIPTION_ID)
                .willReturn(okJson(StripeResponses.subscription("past_due", TENANT, 42))));

        SubscriptionState state = gateway.subscription(SUBSCRIPTION_ID);

        assertThat(state)
                .isEqualTo(new SubscriptionState(
                        SUBSCRIPTION_ID,
                        CUSTOMER_ID,
                        TENANT,
                        "past_due",
                        ITEM_ID,
                        PRICE_ID,
                        42,
                        Instant.ofEpochSecond(PERIOD_END),
                        Instant.ofEpochSecond(PERIOD_START),
                        false));
        stripe.verify(getRequestedFor(urlPathEqualTo("/v1/subscriptions/" + SUBSCRIPTION_ID))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY)));
    }

    @Test
    void aSubscriptionWithoutATenantInItsMetadataNamesNone() {
        stripe.stubFor(get("/v1/subscriptions/" + SUBSCRIPTION_ID)
                .willReturn(okJson(StripeResponses.subscription("active", null, 3))));

        assertThat(gateway.subscription(SUBSCRIPTION_ID).tenantId()).isNull();
    }

    @Test
    void changesTheSeatQuantityWithProrationsUnderTheCallersKey() {
        stripe.stubFor(
                post("/v1/subscription_items/" + ITEM_ID).willReturn(okJson(StripeResponses.subscriptionItem(43))));

        gateway.changeQuantity(ITEM_ID, 43, "seats-7f3a");

        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/subscription_items/" + ITEM_ID))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Idempotency-Key", equalTo("seats-7f3a"))
                .withFormParam("quantity", equalTo("43"))
                .withFormParam("proration_behavior", equalTo("create_prorations")));
    }

    @Test
    void cancelsASubscriptionNow() {
        stripe.stubFor(delete("/v1/subscriptions/" + SUBSCRIPTION_ID)
                .willReturn(okJson(StripeResponses.subscription("canceled", TENANT, 42))));

        gateway.cancelSubscription(SUBSCRIPTION_ID, "cancel-" + TENANT);

        stripe.verify(deleteRequestedFor(urlPathEqualTo("/v1/subscriptions/" + SUBSCRIPTION_ID))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Idempotency-Key", equalTo("cancel-" + TENANT))
                // Canceling "now" is the default; prorating or invoicing the rest would have to be asked for.
                .withQueryParam("prorate", absent())
                .withQueryParam("invoice_now", absent()));
    }

    @Test
    void cancelingASubscriptionThatIsAlreadyCanceledOrGoneIsDone() {
        stripe.stubFor(delete("/v1/subscriptions/" + SUBSCRIPTION_ID)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", JSON)
                        .withBody(StripeResponses.error(
                                "invalid_request_error",
                                "resource_missing",
                                "No such subscription: '" + SUBSCRIPTION_ID + "'",
                                "id"))));

        gateway.cancelSubscription(SUBSCRIPTION_ID, "cancel-" + TENANT);

        stripe.verify(1, deleteRequestedFor(urlPathEqualTo("/v1/subscriptions/" + SUBSCRIPTION_ID)));
    }

    @Test
    void listsTheInvoicesOfACustomer() {
        stripe.stubFor(get(urlPathEqualTo("/v1/invoices"))
                .willReturn(okJson(StripeResponses.list(
                        "/v1/invoices",
                        StripeResponses.invoice("in_1QTandem02", "A1B2C3D4-0002", "open", 16800, 0),
                        StripeResponses.invoice("in_1QTandem01", "A1B2C3D4-0001", "paid", 16800, 16800)))));

        var invoices = gateway.invoices(CUSTOMER_ID, 12);

        assertThat(invoices)
                .containsExactly(
                        new Invoice(
                                "in_1QTandem02",
                                "A1B2C3D4-0002",
                                "open",
                                16800,
                                0,
                                "cad",
                                Instant.ofEpochSecond(PERIOD_START),
                                URI.create("https://invoice.stripe.com/i/acct_1Tandem/test_A1B2C3D4-0002"),
                                URI.create("https://pay.stripe.com/invoice/acct_1Tandem/test_A1B2C3D4-0002/pdf")),
                        new Invoice(
                                "in_1QTandem01",
                                "A1B2C3D4-0001",
                                "paid",
                                16800,
                                16800,
                                "cad",
                                Instant.ofEpochSecond(PERIOD_START),
                                URI.create("https://invoice.stripe.com/i/acct_1Tandem/test_A1B2C3D4-0001"),
                                URI.create("https://pay.stripe.com/invoice/acct_1Tandem/test_A1B2C3D4-0001/pdf")));
        stripe.verify(getRequestedFor(urlPathEqualTo("/v1/invoices"))
                .withQueryParam("customer", equalTo(CUSTOMER_ID))
                .withQueryParam("limit", equalTo("12")));
    }

    @Test
    void previewsTheNextInvoiceOfASubscription() {
        stripe.stubFor(post("/v1/invoices/create_preview")
                .willReturn(okJson(StripeResponses.invoice(null, null, "draft", 17200, 0))));

        var upcoming = gateway.upcomingInvoice(CUSTOMER_ID, SUBSCRIPTION_ID);

        assertThat(upcoming)
                .contains(new Invoice(
                        null, null, "draft", 17200, 0, "cad", Instant.ofEpochSecond(PERIOD_START), null, null));
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/invoices/create_preview"))
                .withFormParam("customer", equalTo(CUSTOMER_ID))
                .withFormParam("subscription", equalTo(SUBSCRIPTION_ID)));
    }

    @Test
    void noUpcomingInvoiceIsEmpty() {
        stripe.stubFor(post("/v1/invoices/create_preview")
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", JSON)
                        .withBody(StripeResponses.error(
                                "invalid_request_error",
                                "invoice_upcoming_none",
                                "No upcoming invoices for customer: " + CUSTOMER_ID,
                                null))));

        assertThat(gateway.upcomingInvoice(CUSTOMER_ID, SUBSCRIPTION_ID)).isEmpty();
    }

    @Test
    void retriesAServerErrorWithTheSameIdempotencyKey() {
        String path = "/v1/subscription_items/" + ITEM_ID;
        stripe.stubFor(post(path)
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", JSON)
                        .withBody(StripeResponses.error("api_error", null, "An unknown error occurred", null)))
                .willSetStateTo("recovered"));
        stripe.stubFor(post(path)
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(StripeResponses.subscriptionItem(43))));

        gateway.changeQuantity(ITEM_ID, 43, "seats-7f3a");

        assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo(path))))
                .hasSize(2)
                .allSatisfy(request ->
                        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("seats-7f3a"));
    }

    @Test
    void retriesAServerErrorWithTheKeyItGeneratedWhenTheCallerGaveNone() {
        stripe.stubFor(post("/v1/checkout/sessions")
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", JSON)
                        .withBody("{}"))
                .willSetStateTo("recovered"));
        stripe.stubFor(post("/v1/checkout/sessions")
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(StripeResponses.checkoutSession(TENANT))));

        gateway.checkout(checkout());

        var keys = stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))).stream()
                .map(request -> request.getHeader("Idempotency-Key"))
                .toList();
        assertThat(keys).hasSize(2).doesNotContainNull().containsOnly(keys.get(0));
    }

    @Test
    void aServerThatKeepsFailingIsUnavailableAfterTheRetries() {
        String path = "/v1/subscription_items/" + ITEM_ID;
        stripe.stubFor(post(path)
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", JSON)
                        .withBody(StripeResponses.error("api_error", null, "An unknown error occurred", null))));

        assertThatThrownBy(() -> gateway.changeQuantity(ITEM_ID, 43, "seats-7f3a"))
                .isInstanceOfSatisfying(PaymentProviderUnavailable.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.getMessage())
                            .isEqualTo("Our payment provider could not be reached to change the number of seats of"
                                    + " your subscription. Please try again in a few minutes.");
                });
        // The first attempt and the two retries of maxNetworkRetries, all under the caller's key.
        assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo(path))))
                .extracting(request -> request.getHeader("Idempotency-Key"))
                .containsExactly("seats-7f3a", "seats-7f3a", "seats-7f3a");
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsRetriedThenUnavailable() {
        var impatient = gateway(Duration.ofMillis(200), 1);
        stripe.stubFor(get("/v1/subscriptions/" + SUBSCRIPTION_ID)
                .willReturn(okJson(StripeResponses.subscription("active", TENANT, 42))
                        .withFixedDelay(1500)));

        assertThatThrownBy(() -> impatient.subscription(SUBSCRIPTION_ID))
                .isInstanceOf(PaymentProviderUnavailable.class)
                .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);
        stripe.verify(2, getRequestedFor(urlPathEqualTo("/v1/subscriptions/" + SUBSCRIPTION_ID)));
    }

    @Test
    void aServerThatCannotBeReachedIsUnavailable() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var unreachable = new StripePaymentGateway(
                settings(URI.create("http://localhost:" + closedPort), Duration.ofSeconds(1), 0));

        assertThatThrownBy(() -> unreachable.createCustomer(TENANT, "Acme Association", "admin@acme.example"))
                .isInstanceOf(PaymentProviderUnavailable.class)
                .hasRootCauseInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void tooManyRequestsIsUnavailableWithoutARetry() {
        stripe.stubFor(post("/v1/customers")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", JSON)
                        .withBody(StripeResponses.error(
                                "invalid_request_error",
                                "rate_limit",
                                "Too many requests hit the API too quickly.",
                                null))));

        assertThatThrownBy(() -> gateway.createCustomer(TENANT, "Acme Association", "admin@acme.example"))
                .isInstanceOf(PaymentProviderUnavailable.class);
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/customers")));
    }

    @Test
    void aConflictIsRetriedLikeAServerError() {
        stripe.stubFor(post("/v1/customers")
                .inScenario("locked")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", JSON)
                        .withBody(StripeResponses.error(
                                "invalid_request_error",
                                "lock_timeout",
                                "This object cannot be accessed right now because another API request or Stripe"
                                        + " process is currently accessing it.",
                                null)))
                .willSetStateTo("unlocked"));
        stripe.stubFor(post("/v1/customers")
                .inScenario("locked")
                .whenScenarioStateIs("unlocked")
                .willReturn(okJson(StripeResponses.customer(TENANT))));

        assertThat(gateway.createCustomer(TENANT, "Acme Association", "admin@acme.example"))
                .isEqualTo(CUSTOMER_ID);
        assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/customers"))))
                .extracting(request -> request.getHeader("Idempotency-Key"))
                .containsExactly("customer-" + TENANT, "customer-" + TENANT);
    }

    @Test
    void aBadRequestIsRefusedWithStripesCodeAndMessage() {
        stripe.stubFor(post("/v1/checkout/sessions")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", JSON)
                        .withBody(StripeResponses.error(
                                "invalid_request_error",
                                "resource_missing",
                                "No such price: 'price_gone'",
                                "line_items[0][price]"))));

        assertThatThrownBy(() -> gateway.checkout(checkout()))
                .isInstanceOfSatisfying(PaymentRequestRefused.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID);
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.providerCode()).isEqualTo("resource_missing");
                    assertThat(e.providerMessage()).isEqualTo("No such price: 'price_gone'");
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "Our payment provider refused to open the checkout: No such price: 'price_gone'");
                });
        // Stripe's no is not retried: asking again would get the same answer.
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
    }

    @Test
    void anIdempotencyKeyReusedWithOtherValuesIsAConflict() {
        stripe.stubFor(post("/v1/subscription_items/" + ITEM_ID)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", JSON)
                        .withBody(StripeResponses.error(
                                "idempotency_error",
                                null,
                                "Keys for idempotent requests can only be used with the same parameters they were"
                                        + " first used with.",
                                null))));

        assertThatThrownBy(() -> gateway.changeQuantity(ITEM_ID, 44, "seats-7f3a"))
                .isInstanceOfSatisfying(PaymentRequestRefused.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(e.providerCode()).isEqualTo("idempotency_error");
                });
    }

    @Test
    void aDeclinedCardIsAConflict() {
        stripe.stubFor(post("/v1/subscription_items/" + ITEM_ID)
                .willReturn(aResponse()
                        .withStatus(402)
                        .withHeader("Content-Type", JSON)
                        .withBody(StripeResponses.error(
                                "card_error", "card_declined", "Your card was declined.", null))));

        assertThatThrownBy(() -> gateway.changeQuantity(ITEM_ID, 44, "seats-8b1c"))
                .isInstanceOfSatisfying(PaymentRequestRefused.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(e.httpStatus()).isEqualTo(402);
                    assertThat(e.providerCode()).isEqualTo("card_declined");
                });
    }

    @Test
    void aSubscriptionThatDoesNotExistIsRefused() {
        stripe.stubFor(get("/v1/subscriptions/sub_gone")
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", JSON)
                        .withBody(StripeResponses.error(
                                "invalid_request_error",
                                "resource_missing",
                                "No such subscription: 'sub_gone'",
                                "id"))));

        assertThatThrownBy(() -> gateway.subscription("sub_gone"))
                .isInstanceOfSatisfying(PaymentRequestRefused.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(e.providerCode()).isEqualTo("resource_missing");
                });
    }

    private static Checkout checkout() {
        return new Checkout(
                TENANT,
                CUSTOMER_ID,
                PRICE_ID,
                42,
                URI.create("https://acme.tandem.example/billing/welcome"),
                URI.create("https://acme.tandem.example/billing"));
    }

    private static PaymentGateway gateway(Duration readTimeout, int maxNetworkRetries) {
        return new StripePaymentGateway(settings(URI.create(stripe.baseUrl()), readTimeout, maxNetworkRetries));
    }

    private static BillingProperties.Stripe settings(URI apiBase, Duration readTimeout, int maxNetworkRetries) {
        return new BillingProperties.Stripe(
                API_KEY,
                apiBase,
                "whsec_test",
                Duration.ofMinutes(5),
                Duration.ofSeconds(1),
                readTimeout,
                maxNetworkRetries);
    }
}
