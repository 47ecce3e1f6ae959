package app.tandem.billing.subscription;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.billing.BillingIntegrationTest;
import app.tandem.billing.account.BillingAccounts;
import app.tandem.billing.account.Dunning;
import app.tandem.billing.account.QuantitySync;
import app.tandem.billing.payment.StripeAtWireMock;
import app.tandem.billing.payment.StripeResponses;
import app.tandem.billing.payment.StripeSignatures;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.core.test.TenantFixtures;
import app.tandem.core.test.TestClock;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Billing with Stripe as the provider, Stripe answered by WireMock at the configured API base: webhooks verified,
 * applied once and from the subscription's current state; the seat quantity sent through the outbox with its
 * idempotency key and retried; dunning from a failed payment to suspension and back to active when paid.
 */
@BillingIntegrationTest
class StripeSubscriptionIT {

    static final String SECRET = StripeAtWireMock.WEBHOOK_SECRET;

    @RegisterExtension
    static WireMockExtension stripe = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void stripeAtWireMock(DynamicPropertyRegistry registry) {
        StripeAtWireMock.configure(registry, stripe);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    @Autowired
    BillingAccounts accounts;

    @Autowired
    QuantitySync sync;

    @Autowired
    Dunning dunning;

    @Autowired
    TenantRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** Provisioning creates each organization's Stripe customer, each with an id of its own. */
    @BeforeEach
    void stripeCreatesCustomers() {
        StripeAtWireMock.createsCustomers(stripe);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCompletedCheckoutTakesTheSubscriptionAsStripeHoldsItAndAReplayDoesNothing() throws Exception {
        var tenant = subscribedLater("stripe-checkout");
        stubSubscription(tenant, "active", 3);

        var event = event("evt_checkout_" + tenant.slug(), "checkout.session.completed", """
                {"id": "cs_1", "object": "checkout.session", "customer": "%s", "subscription": "%s"}
                """.formatted(
                        customer(tenant), StripeResponses.SUBSCRIPTION_ID));
        deliver(event)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("APPLIED"));
        deliver(event)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("DUPLICATE"));

        assertThat(accounts.overview(tenant.id()).status().name()).isEqualTo("ACTIVE");
        assertThat(accounts.customerOf(tenant.id()).orElseThrow().subscriptionId())
                .isEqualTo(StripeResponses.SUBSCRIPTION_ID);
        stripe.verify(1, getRequestedFor(urlEqualTo("/v1/subscriptions/" + StripeResponses.SUBSCRIPTION_ID)));
        assertThat(events(tenant)).isEqualTo(1);
    }

    @Test
    void anUpdateArrivingBeforeItsCreationLeavesTheAccountAsStripeHasIt() throws Exception {
        var tenant = subscribedLater("stripe-order");
        stubSubscription(tenant, "past_due", 0);
        var object = """
                {"id": "%s", "object": "subscription", "customer": "%s", "status": "active"}
                """.formatted(StripeResponses.SUBSCRIPTION_ID, customer(tenant));

        deliver(event("evt_updated_" + tenant.slug(), "customer.subscription.updated", object))
                .andExpect(status().isOk());
        deliver(event("evt_created_" + tenant.slug(), "customer.subscription.created", object))
                .andExpect(status().isOk());

        assertThat(accounts.overview(tenant.id()).status().name()).isEqualTo("PAST_DUE");
    }

    @Test
    void aBadSignatureAStaleEventAndAnUnknownTypeChangeNothing() throws Exception {
        var tenant = subscribedLater("stripe-refused");
        var payload = payload("evt_bad_" + tenant.slug(), "invoice.paid", "{\"object\": \"invoice\"}");

        mvc.perform(post(StripeWebhooks.PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(payload)
                        .header("Stripe-Signature", StripeSignatures.header(payload, "whsec_other", clock.instant())))
                .andExpect(status().isBadRequest());
        mvc.perform(post(StripeWebhooks.PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(payload)
                        .header(
                                "Stripe-Signature",
                                StripeSignatures.header(
                                        payload, SECRET, clock.instant().minus(Duration.ofHours(1)))))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from platform.billing_webhook_events where event_id = :id")
                        .param("id", "evt_bad_" + tenant.slug())
                        .query(Integer.class)
                        .single())
                .isZero();

        deliver(event("evt_unknown_" + tenant.slug(), "customer.tax_id.created", "{\"object\": \"tax_id\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("IGNORED"));
    }

    @Test
    void theSeatQuantityIsSentWithItsVersionsIdempotencyKeyAndRetriedAfterAFailure() throws Exception {
        var tenant = subscribedLater("stripe-sync");
        stubSubscription(tenant, "active", 3);
        deliver(event("evt_sync_" + tenant.slug(), "customer.subscription.created", """
                        {"id": "%s", "object": "subscription", "customer": "%s"}
                        """.formatted(
                                StripeResponses.SUBSCRIPTION_ID, customer(tenant))))
                .andExpect(status().isOk());
        var item = urlEqualTo("/v1/subscription_items/" + StripeResponses.ITEM_ID);
        stripe.stubFor(
                WireMock.post(item).willReturn(aResponse().withStatus(500).withBody("{}")));

        var ours = postRequestedFor(item)
                .withHeader("Idempotency-Key", WireMock.matching("seats-" + tenant.id() + "-v.*"));
        sync.sendDue();

        stripe.verify(1, ours);
        assertThat(pendingSince(tenant)).as("still pending after the failure").isNotNull();

        stripe.stubFor(WireMock.post(item).willReturn(okJson(StripeResponses.subscriptionItem(0))));
        clock.advance(Duration.ofMinutes(1));
        sync.sendDue();

        var key = "seats-" + tenant.id() + "-v1";
        stripe.verify(
                2,
                postRequestedFor(item)
                        .withHeader("Idempotency-Key", equalTo(key))
                        .withRequestBody(equalTo("quantity=0&proration_behavior=create_prorations")));
        assertThat(pendingSince(tenant)).as("sent").isNull();
        sync.sendDue();
        stripe.verify(2, ours);
    }

    @Test
    void concurrentSyncsNeverSendAQuantityOlderThanOneAlreadySent() throws Exception {
        var tenant = subscribed("stripe-race", 0);
        var item = urlEqualTo("/v1/subscription_items/" + StripeResponses.ITEM_ID);
        stripe.stubFor(WireMock.post(item)
                .willReturn(okJson(StripeResponses.subscriptionItem(0)).withFixedDelay(15)));
        sync.sendDue();
        stripe.resetRequests();

        int changes = 30;
        var base = clock.instant();
        var done = new java.util.concurrent.atomic.AtomicBoolean();
        var senders = java.util.concurrent.Executors.newFixedThreadPool(2);
        var sending = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < 2; i++) {
            sending.add(senders.submit(() -> {
                while (!done.get()) {
                    sync.sendDue();
                }
            }));
        }
        for (int seats = 1; seats <= changes; seats++) {
            accounts.recordSeats(tenant.id(), seats, base.plusMillis(seats));
            clock.advance(Duration.ofMinutes(1));
            // The racing senders take each change before the next: every count is sent, by whichever wins the row.
            org.awaitility.Awaitility.await().until(() -> pendingSince(tenant) == null);
        }
        done.set(true);
        for (var future : sending) {
            future.get();
        }
        senders.shutdown();
        sync.sendDue();

        var sent = stripe.getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getUrl().equals("/v1/subscription_items/" + StripeResponses.ITEM_ID))
                .filter(request -> request.getHeader("Idempotency-Key").startsWith("seats-" + tenant.id()))
                .sorted(java.util.Comparator.comparing(request -> request.getLoggedDate()))
                .toList();
        assertThat(sent).isNotEmpty();
        var versions = sent.stream()
                .map(request ->
                        Long.parseLong(request.getHeader("Idempotency-Key").replaceAll(".*-v", "")))
                .toList();
        var quantities = sent.stream()
                .map(request -> Integer.parseInt(request.getBodyAsString().replaceAll("quantity=(\\d+).*", "$1")))
                .toList();
        assertThat(versions).as("versions in the order Stripe received them").isSorted();
        assertThat(quantities)
                .as("quantities in the order Stripe received them")
                .isSorted();
        assertThat(quantities.get(quantities.size() - 1)).as("the last count").isEqualTo(changes);
        assertThat(pendingSince(tenant)).isNull();
    }

    @Test
    void aChangeLeftPendingWhenStripeWasDownIsSentByASyncThatStartsAfresh() throws Exception {
        var tenant = subscribed("stripe-restart", 0);
        var item = urlEqualTo("/v1/subscription_items/" + StripeResponses.ITEM_ID);
        stripe.stubFor(
                WireMock.post(item).willReturn(aResponse().withStatus(503).withBody("{}")));
        accounts.recordSeats(tenant.id(), 4, clock.instant());
        clock.advance(Duration.ofMinutes(1));
        sync.sendDue();
        assertThat(pendingSince(tenant)).as("pending after the failure").isNotNull();

        // What a restarted node has: the database, and a sync with nothing in memory.
        var restarted = context.getAutowireCapableBeanFactory().createBean(QuantitySync.class);
        stripe.stubFor(WireMock.post(item).willReturn(okJson(StripeResponses.subscriptionItem(4))));
        clock.advance(Duration.ofHours(1));
        restarted.sendDue();

        stripe.verify(postRequestedFor(item)
                .withHeader("Idempotency-Key", WireMock.matching("seats-" + tenant.id() + "-v.*"))
                .withRequestBody(equalTo("quantity=4&proration_behavior=create_prorations")));
        assertThat(pendingSince(tenant)).as("sent").isNull();
    }

    @Test
    void theDailyReconciliationMendsADriftedQuantityAndComparesEachOrganizationOnceADay() throws Exception {
        var tenant = subscribed("stripe-drift", 0);
        var item = urlEqualTo("/v1/subscription_items/" + StripeResponses.ITEM_ID);
        stripe.stubFor(WireMock.post(item).willReturn(okJson(StripeResponses.subscriptionItem(0))));
        clock.advance(Duration.ofMinutes(1));
        sync.sendDue();
        var ours = postRequestedFor(item)
                .withHeader("Idempotency-Key", WireMock.matching("seats-" + tenant.id() + "-v.*"));
        int sentBefore = stripe.findAll(ours).size();
        var mended = meters.counter("tandem.billing.reconciliation", "outcome", "drift-mended");
        double mendedBefore = mended.count();

        // Someone set 7 seats in the Stripe Dashboard; the ledger holds none.
        stubSubscription(tenant, "active", 7);
        reconciliation.run();
        sync.sendDue();

        assertThat(mended.count() - mendedBefore).isEqualTo(1);
        assertThat(stripe.findAll(ours)).hasSize(sentBefore + 1);
        assertThat(stripe.findAll(ours).get(0).getBodyAsString())
                .isEqualTo("quantity=0&proration_behavior=create_prorations");
        assertThat(pendingSince(tenant)).isNull();

        stubSubscription(tenant, "active", 7);
        reconciliation.run();
        sync.sendDue();
        assertThat(stripe.findAll(ours)).as("not compared twice in a day").hasSize(sentBefore + 1);

        clock.advance(Duration.ofDays(1));
        stubSubscription(tenant, "active", 0);
        reconciliation.run();
        sync.sendDue();
        assertThat(stripe.findAll(ours)).as("in step the next day").hasSize(sentBefore + 1);
        assertThat(mended.count() - mendedBefore).isEqualTo(1);
    }

    @Test
    void anEventNamingOneOrganizationsCustomerAndAnothersSubscriptionChangesNeither() throws Exception {
        var ours = subscribedLater("stripe-ours");
        var theirs = subscribedLater("stripe-theirs");
        stubSubscription(theirs, "active", 3);

        deliver(event("evt_cross_" + ours.slug(), "customer.subscription.updated", """
                        {"id": "%s", "object": "subscription", "customer": "%s"}
                        """.formatted(
                                StripeResponses.SUBSCRIPTION_ID, customer(ours))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("IGNORED"));

        assertThat(accounts.customerOf(ours.id()).orElseThrow().subscriptionId())
                .isNull();
        assertThat(accounts.customerOf(theirs.id()).orElseThrow().subscriptionId())
                .isNull();
        assertThat(accounts.overview(ours.id()).status().name()).isEqualTo("TRIALING");
    }

    @Test
    void aFailedPaymentRemindsTheAdminsSuspendsAfterTheGraceAndAPaymentOpensTheOrganizationAgain() throws Exception {
        var tenant = subscribedLater("stripe-dunning");
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);
        stubSubscription(tenant, "past_due", 0);
        var invoice = """
                {"id": "in_1", "object": "invoice", "customer": "%s", "subscription": "%s"}
                """.formatted(customer(tenant), StripeResponses.SUBSCRIPTION_ID);

        deliver(event("evt_failed_" + tenant.slug(), "invoice.payment_failed", invoice))
                .andExpect(status().isOk());
        assertThat(accounts.overview(tenant.id()).status().name()).isEqualTo("PAST_DUE");
        org.awaitility.Awaitility.await().until(() -> mails(tenant, "A payment for%") == 1);
        var graceEnds = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)
                .format(clock.instant().plus(Duration.ofDays(14)).atZone(java.time.ZoneOffset.UTC));
        mvc.perform(MockMvcRequestBuilders.get("/admin/billing")
                        .with(people.session(tenant, admin))
                        .with(request -> {
                            request.setServerName(tenants.hostOf(tenant));
                            return request;
                        }))
                .andExpect(status().isOk())
                .andExpect(model().attribute(
                                "paymentBanner",
                                org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.containsString(graceEnds))));

        clock.advance(Duration.ofDays(7));
        dunning.run();
        assertThat(mails(tenant, "Reminder: a payment%")).isEqualTo(1);
        dunning.run();
        assertThat(mails(tenant, "Reminder: a payment%")).as("once each").isEqualTo(1);

        clock.advance(Duration.ofDays(7));
        dunning.run();
        assertThat(registry.require(tenant.id()).status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(registry.require(tenant.id()).statusReason()).startsWith(Dunning.REASON_PREFIX);

        stubSubscription(tenant, "active", 0);
        deliver(event("evt_paid_" + tenant.slug(), "invoice.paid", invoice)).andExpect(status().isOk());
        assertThat(registry.require(tenant.id()).status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(accounts.overview(tenant.id()).status().name()).isEqualTo("ACTIVE");
    }

    private Tenant subscribedLater(String name) {
        var tenant = tenants.activeTenant(name);
        stripe.verify(postRequestedFor(urlEqualTo("/v1/customers"))
                .withHeader("Idempotency-Key", equalTo("customer-" + tenant.id())));
        return tenant;
    }

    /** An organization whose subscription Stripe holds with {@code quantity} seats, taken on from its creation. */
    private Tenant subscribed(String name, int quantity) throws Exception {
        var tenant = subscribedLater(name);
        stubSubscription(tenant, "active", quantity);
        deliver(event("evt_created_" + tenant.slug(), "customer.subscription.created", """
                        {"id": "%s", "object": "subscription", "customer": "%s"}
                        """.formatted(
                                StripeResponses.SUBSCRIPTION_ID, customer(tenant))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("APPLIED"));
        return tenant;
    }

    private String customer(Tenant tenant) {
        return accounts.customerOf(tenant.id()).orElseThrow().customerId();
    }

    private void stubSubscription(Tenant tenant, String status, int quantity) {
        var body = StripeResponses.subscription(status, tenant.id().value(), quantity)
                .replace(StripeResponses.CUSTOMER_ID, customer(tenant));
        stripe.stubFor(get(urlEqualTo("/v1/subscriptions/" + StripeResponses.SUBSCRIPTION_ID))
                .willReturn(okJson(body)));
    }

    private String event(String id, String type, String object) {
        return payload(id, type, object);
    }

    private String payload(String id, String type, String object) {
        return """
                {"id": "%s", "object": "event", "type": "%s", "created": %d, "livemode": false,
                 "api_version": "2025-10-29.clover", "data": {"object": %s}}
                """.formatted(id, type, clock.instant().getEpochSecond(), object);
    }

    private ResultActions deliver(String payload) throws Exception {
        return mvc.perform(post(StripeWebhooks.PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .content(payload)
                .header("Stripe-Signature", StripeSignatures.header(payload, SECRET, clock.instant())));
    }

    private int events(Tenant tenant) {
        return jdbc.sql("select count(*) from platform.billing_webhook_events where tenant_id = :tenant")
                .param("tenant", tenant.id().value())
                .query(Integer.class)
                .single();
    }

    private java.sql.Timestamp pendingSince(Tenant tenant) {
        return jdbc.sql("select sync_due_at from platform.billing_accounts where tenant_id = :tenant")
                .param("tenant", tenant.id().value())
                .query(java.sql.Timestamp.class)
                .optional()
                .orElse(null);
    }

    private int mails(Tenant tenant, String subject) {
        return jdbc.sql("select count(*) from " + tenant.schemaName() + ".outbox where subject like :subject")
                .param("subject", subject)
                .query(Integer.class)
                .single();
    }
}
