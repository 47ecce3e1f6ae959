package app.tandem.billing.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.billing.BillingFixtures;
import app.tandem.billing.BillingIntegrationTest;
import app.tandem.billing.account.BillingAccounts;
import app.tandem.billing.payment.PaymentGateway.SubscriptionState;
import app.tandem.billing.payment.StripeAtWireMock;
import app.tandem.billing.payment.StripeResponses;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.mentoring.matching.Role;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What an org admin does with Stripe from the billing page and {@code /api/v1/billing}: Checkout of a paid plan for
 * the seats in use, the plan change and the Customer Portal, the invoices and the next invoice's estimate. Stripe is
 * WireMock at the configured API base: the requests' shapes are asserted, a refusal sends nothing, and Stripe failing
 * leaves the page working.
 */
@BillingIntegrationTest
class BillingPaymentsIT {

    static final String YEARLY_PRICE = "price_1QGrowthYearly";

    /** The id of every checkout the stub opens. */
    static final String SESSION = "cs_test_a1TandemAcme";

    @RegisterExtension
    static WireMockExtension stripe = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void stripeAtWireMock(DynamicPropertyRegistry registry) {
        StripeAtWireMock.configure(registry, stripe);
        registry.add("tandem.billing.plans.GROWTH.stripe-price-monthly", () -> StripeResponses.PRICE_ID);
        registry.add("tandem.billing.plans.GROWTH.stripe-price-yearly", () -> YEARLY_PRICE);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    @Autowired
    BillingFixtures fixtures;

    @Autowired
    BillingAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void stripeCreatesCustomersAndSessions() {
        StripeAtWireMock.createsCustomers(stripe);
        stripe.stubFor(WireMock.post(urlEqualTo("/v1/checkout/sessions"))
                .willReturn(okJson(StripeResponses.checkoutSession(UUID.randomUUID()))));
        stripe.stubFor(WireMock.post(urlEqualTo("/v1/checkout/sessions/" + SESSION + "/expire"))
                .willReturn(okJson(StripeResponses.checkoutSession(UUID.randomUUID(), SESSION, "expired"))));
        stripe.stubFor(WireMock.post(urlEqualTo("/v1/billing_portal/sessions"))
                .willReturn(okJson(StripeResponses.portalSession())));
        stripe.stubFor(get(urlPathEqualTo("/v1/invoices")).willReturn(okJson(StripeResponses.list("/v1/invoices"))));
    }

    @Test
    void anAdminChecksOutGrowthYearlyForTheSeatsInUseAndIsSentToStripe() throws Exception {
        var tenant = tenants.activeTenant("pay-checkout");
        var program = fixtures.openProgram(tenant);
        for (int i = 0; i < 3; i++) {
            fixtures.enroll(fixtures.person(tenant, OrgRole.MEMBER), program, Role.MENTEE);
        }
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);
        var host = "http://" + tenants.hostOf(tenant);

        mvc.perform(post("/admin/billing/checkout")
                        .param("plan", "growth")
                        .param("interval", "yearly")
                        .with(signedIn(tenant, admin)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(
                        "https://checkout.stripe.com/c/pay/cs_test_a1TandemAcme#fidkdWxOYHwnPyd1blpxYHZxWjA0"));

        stripe.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withFormParam("mode", equalTo("subscription"))
                .withFormParam("customer", equalTo(customer(tenant)))
                .withFormParam("client_reference_id", equalTo(tenant.id().toString()))
                .withFormParam("line_items[0][price]", equalTo(YEARLY_PRICE))
                .withFormParam("line_items[0][quantity]", equalTo("3"))
                .withFormParam(
                        "subscription_data[metadata][tenant_id]",
                        equalTo(tenant.id().toString()))
                .withFormParam(
                        "success_url",
                        WireMock.matching(Pattern.quote(host)
                                + "(:\\d+)?/admin/billing\\?checkout=done&session=\\{CHECKOUT_SESSION_ID\\}"))
                .withFormParam(
                        "cancel_url",
                        WireMock.matching(Pattern.quote(host) + "(:\\d+)?/admin/billing\\?checkout=cancelled")));

        var token = people.accessToken(tenant, admin);
        mvc.perform(post("/api/v1/billing/checkout")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plan\": \"GROWTH\"}")
                        .with(people.api(tenant, token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value(Matchers.startsWith("https://checkout.stripe.com/")));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withFormParam("line_items[0][price]", equalTo(StripeResponses.PRICE_ID)));
        // The second checkout closed the first: only one of them can be paid.
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions/" + SESSION + "/expire")));

        // Back from Stripe the admin is thanked; the subscription itself comes with Stripe's webhook.
        mvc.perform(MockMvcRequestBuilders.get("/admin/billing")
                        .param("checkout", "done")
                        .with(signedIn(tenant, admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Thank you: your subscription starts")))
                .andExpect(content().string(Matchers.containsString("No invoices yet.")));
    }

    @Test
    void twoAdminsCheckingOutAtOnceTakeTurnsSoThatTheSecondClosesTheFirstsCheckout() throws Exception {
        var tenant = tenants.activeTenant("pay-twice");
        var first = people.accessToken(tenant, people.member(tenant, OrgRole.ORG_ADMIN));
        var second = people.accessToken(tenant, people.member(tenant, OrgRole.ORG_ADMIN));
        customer(tenant);
        stripe.stubFor(WireMock.post(urlEqualTo("/v1/checkout/sessions"))
                .willReturn(okJson(StripeResponses.checkoutSession(tenant.id().value()))
                        .withFixedDelay(400)));

        var pool = Executors.newFixedThreadPool(2);
        try {
            var both = List.of(first, second).stream()
                    .map(token -> CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return checkout(tenant, token, "{\"plan\": \"GROWTH\"}")
                                            .andReturn()
                                            .getResponse()
                                            .getStatus();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            pool))
                    .toList();
            assertThat(both.stream().map(CompletableFuture::join)).containsExactly(200, 200);
        } finally {
            pool.shutdownNow();
        }

        stripe.verify(2, postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions/" + SESSION + "/expire")));
    }

    @Test
    void aCheckoutWhileTheOneBeforeWasJustPaidIsRefusedAndOpensNothing() throws Exception {
        var tenant = tenants.activeTenant("pay-paid");
        var token = people.accessToken(tenant, people.member(tenant, OrgRole.ORG_ADMIN));
        checkout(tenant, token, "{\"plan\": \"GROWTH\"}").andExpect(status().isOk());
        // Stripe expires only open checkouts; this one was paid, and its webhook has not arrived yet.
        stripe.stubFor(WireMock.post(urlEqualTo("/v1/checkout/sessions/" + SESSION + "/expire"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(StripeResponses.error(
                                "invalid_request_error",
                                null,
                                "Only Checkout Sessions with a status in [open] can be expired.",
                                null))));
        stripe.stubFor(get(urlEqualTo("/v1/checkout/sessions/" + SESSION))
                .willReturn(okJson(StripeResponses.checkoutSession(tenant.id().value(), SESSION, "complete"))));

        checkout(tenant, token, "{\"plan\": \"GROWTH\", \"interval\": \"yearly\"}")
                .andExpect(status().isConflict())
                .andExpect(problem("checkout-paid"));

        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
    }

    @Test
    void aRefusedCheckoutSaysWhyAndSendsNothingToStripe() throws Exception {
        var tenant = tenants.activeTenant("pay-refused");
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);
        var token = people.accessToken(tenant, admin);

        checkout(tenant, token, "{\"plan\": \"PLATINUM\"}")
                .andExpect(status().isBadRequest())
                .andExpect(problem("unknown-plan"));
        checkout(tenant, token, "{\"plan\": \"FREE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(problem("plan-not-purchasable"));
        checkout(tenant, token, "{\"plan\": \"ENTERPRISE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(problem("plan-not-purchasable"));
        checkout(tenant, token, "{\"plan\": \"GROWTH\", \"interval\": \"weekly\"}")
                .andExpect(status().isBadRequest())
                .andExpect(problem("unknown-interval"))
                .andExpect(jsonPath("$.detail").value("A plan is paid monthly or yearly, not \"weekly\"."));
        checkout(tenant, token, "{}").andExpect(status().isBadRequest()).andExpect(problem("plan-missing"));

        jdbc.sql("update platform.billing_accounts set comped = true where tenant_id = :tenant")
                .param("tenant", tenant.id().value())
                .update();
        checkout(tenant, token, "{\"plan\": \"GROWTH\"}")
                .andExpect(status().isConflict())
                .andExpect(problem("organization-comped"));
        jdbc.sql("update platform.billing_accounts set comped = false where tenant_id = :tenant")
                .param("tenant", tenant.id().value())
                .update();

        subscribe(tenant, 0);
        checkout(tenant, token, "{\"plan\": \"GROWTH\"}")
                .andExpect(status().isConflict())
                .andExpect(problem("already-subscribed"));
        // On the page, the same refusal leads back to the billing page, which says why.
        mvc.perform(post("/admin/billing/checkout").param("plan", "GROWTH").with(signedIn(tenant, admin)))
                .andExpect(redirectedUrl("/admin/billing"))
                .andExpect(flash().attribute(
                                "refusal",
                                "Your organization already has a subscription: change its plan instead of buying"
                                        + " another."));

        stripe.verify(0, postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
    }

    @Test
    void aSubscribedAdminChangesThePlanAndOpensThePortalOnStripe() throws Exception {
        var tenant = tenants.activeTenant("pay-portal");
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);
        var token = people.accessToken(tenant, admin);
        var back = "http://" + tenants.hostOf(tenant);

        mvc.perform(post("/api/v1/billing/plan-change").with(people.api(tenant, token)))
                .andExpect(status().isConflict())
                .andExpect(problem("not-subscribed"));
        stripe.verify(0, postRequestedFor(urlEqualTo("/v1/billing_portal/sessions")));

        mvc.perform(post("/admin/billing/portal").with(signedIn(tenant, admin)))
                .andExpect(redirectedUrl("https://billing.stripe.com/p/session/test_YWNjdF8xUVRhbmRlbQ"));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/billing_portal/sessions"))
                .withFormParam("customer", equalTo(customer(tenant)))
                .withFormParam("return_url", WireMock.matching(Pattern.quote(back) + "(:\\d+)?/admin/billing")));

        subscribe(tenant, 0);
        mvc.perform(post("/api/v1/billing/plan-change").with(people.api(tenant, token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value("https://billing.stripe.com/p/session/test_YWNjdF8xUVRhbmRlbQ"));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/billing_portal/sessions"))
                .withFormParam("flow_data[type]", equalTo("subscription_update"))
                .withFormParam(
                        "flow_data[subscription_update][subscription]", equalTo(StripeResponses.SUBSCRIPTION_ID)));
    }

    @Test
    void theInvoicesAndTheNextInvoiceAreOnThePageAndInTheApi() throws Exception {
        var tenant = tenants.activeTenant("pay-invoices");
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);
        subscribe(tenant, 0);
        stripe.stubFor(get(urlPathEqualTo("/v1/invoices"))
                .atPriority(1)
                .withQueryParam("customer", equalTo(customer(tenant)))
                .willReturn(okJson(StripeResponses.list(
                        "/v1/invoices",
                        StripeResponses.invoice("in_2", "TANDEM-0002", "open", 3600, 0),
                        StripeResponses.invoice("in_1", "TANDEM-0001", "paid", 1200, 1200)))));
        stripe.stubFor(WireMock.post(urlEqualTo("/v1/invoices/create_preview"))
                .willReturn(okJson(StripeResponses.invoice(null, null, "draft", 4800, 0))));

        mvc.perform(MockMvcRequestBuilders.get("/admin/billing").with(signedIn(tenant, admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("TANDEM-0002")))
                .andExpect(content().string(Matchers.containsString("36.00 CAD")))
                .andExpect(content().string(Matchers.containsString("Next invoice, as it stands now: 48.00 CAD.")))
                .andExpect(content().string(Matchers.containsString("Change plan")));

        mvc.perform(MockMvcRequestBuilders.get("/api/v1/billing/invoices")
                        .with(people.api(tenant, people.accessToken(tenant, admin))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.invoices.length()").value(2))
                .andExpect(jsonPath("$.invoices[0].number").value("TANDEM-0002"))
                .andExpect(jsonPath("$.invoices[0].amountDue").value(3600))
                .andExpect(jsonPath("$.invoices[1].status").value("paid"))
                .andExpect(jsonPath("$.upcoming.amountDue").value(4800));
        stripe.verify(getRequestedFor(urlPathEqualTo("/v1/invoices")).withQueryParam("limit", equalTo("12")));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/invoices/create_preview"))
                .withFormParam("subscription", equalTo(StripeResponses.SUBSCRIPTION_ID)));
    }

    @Test
    void stripeFailingLeavesThePageWorkingAndTheApiSaysTryAgain() throws Exception {
        var tenant = tenants.activeTenant("pay-outage");
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);
        stripe.stubFor(get(urlPathEqualTo("/v1/invoices"))
                .atPriority(1)
                .withQueryParam("customer", equalTo(customer(tenant)))
                .willReturn(aResponse().withStatus(500).withBody("{}")));
        stripe.stubFor(WireMock.post(urlEqualTo("/v1/checkout/sessions"))
                .atPriority(1)
                .withFormParam("customer", equalTo(customer(tenant)))
                .willReturn(aResponse().withStatus(503).withBody("{}")));

        mvc.perform(MockMvcRequestBuilders.get("/admin/billing").with(signedIn(tenant, admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"invoices-unavailable\"")))
                .andExpect(content().string(Matchers.containsString("id=\"seat-count\"")));

        var token = people.accessToken(tenant, admin);
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/billing/invoices").with(people.api(tenant, token)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(problem("payment-provider-unavailable"));
        checkout(tenant, token, "{\"plan\": \"GROWTH\"}")
                .andExpect(status().isServiceUnavailable())
                .andExpect(problem("payment-provider-unavailable"));
        mvc.perform(post("/admin/billing/checkout").param("plan", "GROWTH").with(signedIn(tenant, admin)))
                .andExpect(redirectedUrl("/admin/billing"))
                .andExpect(
                        flash().attribute("refusal", Matchers.startsWith("Our payment provider could not be reached")));
        assertThat(accounts.customerOf(tenant.id()).orElseThrow().subscriptionId())
                .isNull();
    }

    @Test
    void membersAndOtherOrganizationsAdminsCannotStartPaymentsOrReadInvoices() throws Exception {
        var tenant = tenants.activeTenant("pay-own");
        var other = tenants.activeTenant("pay-other");
        var member = people.member(tenant, OrgRole.MEMBER);
        var otherAdmin = people.member(other, OrgRole.ORG_ADMIN);

        checkout(tenant, people.accessToken(tenant, member), "{\"plan\": \"GROWTH\"}")
                .andExpect(status().isForbidden());
        checkout(tenant, people.accessToken(other, otherAdmin), "{\"plan\": \"GROWTH\"}")
                .andExpect(status().isForbidden());
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/billing/invoices")
                        .with(people.api(tenant, people.accessToken(other, otherAdmin))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/billing/portal").with(signedIn(tenant, member)))
                .andExpect(status().isForbidden());

        stripe.verify(0, postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
        stripe.verify(0, postRequestedFor(urlEqualTo("/v1/billing_portal/sessions")));
    }

    private ResultActions checkout(Tenant tenant, String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/billing/checkout")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(people.api(tenant, token)));
    }

    private static ResultMatcher problem(String code) {
        return jsonPath("$.type").value("https://tandem.app/problems/" + code);
    }

    /** Takes on an active subscription of {@code seats} seats, as Stripe's webhook would. */
    private void subscribe(Tenant tenant, int seats) {
        accounts.takeSubscription(
                tenant.id(),
                new SubscriptionState(
                        StripeResponses.SUBSCRIPTION_ID,
                        customer(tenant),
                        tenant.id().value(),
                        "active",
                        StripeResponses.ITEM_ID,
                        StripeResponses.PRICE_ID,
                        seats,
                        Instant.now().plusSeconds(86_400 * 30),
                        null,
                        false));
    }

    private String customer(Tenant tenant) {
        return accounts.customerOf(tenant.id()).orElseThrow().customerId();
    }

    /** A browser of {@code account} on the organization's host, with its session and CSRF token. */
    private RequestPostProcessor signedIn(Tenant tenant, MemberFixtures.Account account) {
        return request -> {
            request.setServerName(tenants.hostOf(tenant));
            return csrf().postProcessRequest(people.session(tenant, account).postProcessRequest(request));
        };
    }
}
