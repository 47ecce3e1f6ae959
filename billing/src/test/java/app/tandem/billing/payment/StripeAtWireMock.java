package app.tandem.billing.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Billing with Stripe as its provider and a WireMock server as Stripe, for integration tests. */
public final class StripeAtWireMock {

    public static final String WEBHOOK_SECRET = "whsec_tandem_test_secret";

    private StripeAtWireMock() {}

    /** Points billing at {@code stripe}, with test keys and no client retries (tests decide what fails). */
    public static void configure(DynamicPropertyRegistry registry, WireMockExtension stripe) {
        registry.add("tandem.billing.provider", () -> "stripe");
        registry.add("tandem.billing.stripe.api-key", () -> "sk_test_tandem");
        registry.add("tandem.billing.stripe.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("tandem.billing.stripe.api-base", stripe::baseUrl);
        registry.add("tandem.billing.stripe.max-network-retries", () -> "0");
    }

    /** Stripe creates each organization's customer when it is provisioned, each with an id of its own. */
    public static void createsCustomers(WireMockExtension stripe) {
        stripe.stubFor(post(urlEqualTo("/v1/customers")).willReturn(okJson("""
                                {"id": "cus_{{randomValue length=14 type='ALPHANUMERIC'}}", "object": "customer",
                                 "created": 1764547200, "livemode": false, "metadata": {}}
                                """).withTransformers("response-template")));
    }
}
