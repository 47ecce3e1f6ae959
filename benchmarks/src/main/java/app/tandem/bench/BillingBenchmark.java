package app.tandem.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import app.tandem.billing.account.BillingAccounts;
import app.tandem.billing.account.QuantitySync;
import app.tandem.core.context.TenantScope;
import app.tandem.core.provisioning.TenantProvisioning;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.identity.CurrentMember;
import app.tandem.identity.OrgRole;
import app.tandem.identity.SignedInMember;
import app.tandem.identity.member.Members;
import app.tandem.infra.keycloak.KeycloakServer;
import app.tandem.infra.postgres.LocalPostgres;
import app.tandem.mentoring.enrollment.Enrollments;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.MatchingMode;
import app.tandem.mentoring.program.ProgramKind;
import app.tandem.mentoring.program.ProgramSettings;
import app.tandem.mentoring.program.ProgramStatus;
import app.tandem.mentoring.program.Programs;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.net.Webhook;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The billing benchmark: what metering, Stripe's webhooks and the seat quantity sync cost. In one JVM it starts a
 * fresh embedded PostgreSQL, Keycloak, a WireMock server that answers as Stripe's API, and two application nodes on
 * the same database, both with Stripe as the payment provider at the WireMock server: one metered (the default) and
 * one with {@code tandem.billing.metering.enabled=false}. It then measures, in this order: signed webhooks posted to
 * the metered node; the same enrollments through {@link Enrollments} on both nodes, alternating; and the quantity sync
 * of every tenant after each one's seat count changed.
 */
final class BillingBenchmark {

    static final int DEFAULT_TENANTS = 1000;
    /** The enrolling comparison uses the first two tenants. */
    static final int MIN_TENANTS = 2;

    static final int ENROLLMENTS = 1000;
    static final int WARM_UP_ENROLLMENTS = 300;
    static final int WARM_UP_WEBHOOKS = 500;

    static final String WEBHOOK_PATH = "/api/v1/webhooks/stripe";
    static final String WEBHOOK_SECRET = "whsec_tandem_bench";
    static final String GROWTH_PRICE = "price_bench_growth_monthly";

    private static final String APEX_HOST = "localhost";
    private static final int CONNECTIONS = 8;
    private static final int PROGRESS_EVERY = 100;
    private static final Duration SEATS_RECORDED_WITHIN = Duration.ofMinutes(3);

    /** The command line options of {@code benchmarks/run billing}. */
    record Options(int tenants) {

        static Options parse(List<String> args) {
            return new Options(TenantsOption.parse(
                    "billing",
                    args,
                    DEFAULT_TENANTS,
                    MIN_TENANTS,
                    "the enrolling comparison uses one tenant on each node"));
        }
    }

    /** One running application node and the beans the benchmark drives on it. */
    private record Node(
            String name,
            ConfigurableApplicationContext context,
            int port,
            Members members,
            Programs programs,
            Enrollments enrollments)
            implements AutoCloseable {

        static Node of(String name, ConfigurableApplicationContext context) {
            var port = context.getEnvironment().getProperty("local.server.port", Integer.class);
            if (port == null) {
                throw new BenchmarkFailure("The " + name + " node did not report local.server.port");
            }
            return new Node(
                    name,
                    context,
                    port,
                    context.getBean(Members.class),
                    context.getBean(Programs.class),
                    context.getBean(Enrollments.class));
        }

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** A program open for enrollment in one tenant, and members ready to enroll in it, on one node. */
    private record OpenProgram(Node node, UUID programId, List<SignedInMember> members) {}

    private final Options options;

    BillingBenchmark(Options options) {
        this.options = options;
    }

    /** Runs the benchmark; everything it started is stopped and the data directory gone when it returns or throws. */
    BillingResult run() {
        Path dataDirectory = TenancyBenchmark.createDataDirectory();
        var stripe = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        try {
            Progress.say("Starting embedded PostgreSQL in %s", dataDirectory);
            stripe.start();
            answerAsStripe(stripe);
            Progress.say("A Stripe-shaped WireMock server answers on %s", stripe.baseUrl());
            try (var postgres = LocalPostgres.start(dataDirectory, 0);
                    var keycloak = TenancyBenchmark.startKeycloak(postgres, dataDirectory)) {
                Progress.say("Starting the metered node");
                try (var metered = Node.of("metered", start(postgres, keycloak, stripe, true))) {
                    Progress.say("Starting the unmetered node");
                    try (var unmetered = Node.of("unmetered", start(postgres, keycloak, stripe, false))) {
                        Progress.say(
                                "Metered node on port %d, unmetered node on port %d", metered.port(), unmetered.port());
                        return measure(metered, unmetered, stripe);
                    }
                } finally {
                    Progress.say("Stopping Tandem, Keycloak and PostgreSQL");
                }
            }
        } finally {
            stripe.stop();
            TenancyBenchmark.deleteRecursively(dataDirectory);
        }
    }

    private BillingResult measure(Node metered, Node unmetered, WireMockServer stripe) {
        var tenants = provisionTenants(metered);
        double webhooksPerS = deliverWebhooks(metered, tenants);
        var enrolling = compareEnrollments(metered, unmetered, tenants.get(0), tenants.get(1));
        double syncS = syncQuantities(metered, stripe, tenants);
        return new BillingResult(
                tenants.size(),
                ENROLLMENTS,
                enrolling[0],
                enrolling[1],
                webhookCount(tenants),
                webhooksPerS,
                tenants.size(),
                syncS,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }

    /**
     * Both nodes take their payments through Stripe at the WireMock server; the quantity sync is left to the
     * benchmark (its schedule is an hour away, the debounce none) so that one timed {@link QuantitySync#sendDue} sends
     * every quantity, and the daily reconciliation is off.
     */
    private static ConfigurableApplicationContext start(
            LocalPostgres postgres, KeycloakServer keycloak, WireMockServer stripe, boolean metering) {
        return TenancyBenchmark.startApplication(
                postgres,
                keycloak,
                List.of(
                        "--tandem.billing.metering.enabled=" + metering,
                        "--tandem.billing.provider=stripe",
                        "--tandem.billing.stripe.api-key=sk_test_tandem_bench",
                        "--tandem.billing.stripe.webhook-secret=" + WEBHOOK_SECRET,
                        "--tandem.billing.stripe.api-base=" + stripe.baseUrl(),
                        "--tandem.billing.plans.GROWTH.stripe-price-monthly=" + GROWTH_PRICE,
                        "--tandem.billing.sync.debounce=0s",
                        "--tandem.billing.sync.interval=1h",
                        "--tandem.billing.reconciliation.cron=-"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Stripe at WireMock

    /**
     * What the application asks Stripe: a customer per organization (its id derived from the idempotency key
     * {@code customer-<tenant id>}), the subscription {@code sub_<tenant id>} of that customer with one GROWTH item
     * {@code si_<tenant id>}, and quantity changes of that item.
     */
    private static void answerAsStripe(WireMockServer stripe) {
        // The tenant id ends both the path and the key; the first hex digit of the longest hex run at the end.
        var tenantInPath = "{{regexExtract request.path '[0-9a-f][0-9a-f-]+$'}}";
        var tenantInKey = "{{regexExtract request.headers.[Idempotency-Key] '[0-9a-f][0-9a-f-]+$'}}";
        stripe.stubFor(post(urlEqualTo("/v1/customers")).willReturn(json("""
                        {"id": "cus_%s", "object": "customer", "created": 1764547200, "livemode": false,
                         "metadata": {"tenant_id": "%s"}}
                        """.formatted(tenantInKey, tenantInKey))));
        stripe.stubFor(get(urlPathMatching("/v1/subscriptions/sub_[0-9a-f-]{36}"))
                .willReturn(json(subscription(tenantInPath))));
        stripe.stubFor(post(urlPathMatching("/v1/subscription_items/si_[0-9a-f-]{36}"))
                .willReturn(json("""
                        {"id": "si_%s", "object": "subscription_item", "created": 1764547200,
                         "current_period_end": 1769904000, "current_period_start": 1767225600, "metadata": {},
                         "price": {"id": "%s", "object": "price", "currency": "cad", "type": "recurring",
                                   "unit_amount": 400},
                         "quantity": {{formData request.body 'form' urlDecode=true}}{{form.quantity}},
                         "subscription": "sub_%s"}
                        """.formatted(tenantInPath, GROWTH_PRICE, tenantInPath))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body)
                .withTransformers("response-template");
    }

    /** An active GROWTH subscription with 0 seats, as Stripe's API writes it (trimmed around the fields read). */
    private static String subscription(String tenant) {
        return """
                {
                  "id": "sub_%1$s", "object": "subscription", "billing_cycle_anchor": 1767225600,
                  "cancel_at": null, "cancel_at_period_end": false, "canceled_at": null,
                  "collection_method": "charge_automatically", "created": 1764547200, "currency": "cad",
                  "customer": "cus_%1$s", "default_payment_method": null,
                  "items": {
                    "object": "list",
                    "data": [{
                      "id": "si_%1$s", "object": "subscription_item", "created": 1764547200,
                      "current_period_end": 1769904000, "current_period_start": 1767225600, "metadata": {},
                      "price": {"id": "%2$s", "object": "price", "active": true, "billing_scheme": "per_unit",
                                "created": 1764547200, "currency": "cad", "livemode": false, "metadata": {},
                                "product": "prod_TandemGrowth",
                                "recurring": {"interval": "month", "interval_count": 1, "usage_type": "licensed"},
                                "type": "recurring", "unit_amount": 400, "unit_amount_decimal": "400"},
                      "quantity": 0, "subscription": "sub_%1$s", "tax_rates": []
                    }],
                    "has_more": false, "total_count": 1, "url": "/v1/subscription_items?subscription=sub_%1$s"
                  },
                  "latest_invoice": "in_%1$s", "livemode": false, "metadata": {"tenant_id": "%1$s"},
                  "status": "active", "trial_end": null, "trial_start": null
                }
                """.formatted(tenant, GROWTH_PRICE);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Tenants

    /** Every tenant on the full path of the metered node, its Stripe customer included. */
    private List<Tenant> provisionTenants(Node metered) {
        Progress.say("Provisioning %d tenants (each with its Stripe customer)", options.tenants());
        var provisioning = metered.bean(TenantProvisioning.class);
        long started = System.nanoTime();
        for (int i = 1; i <= options.tenants(); i++) {
            TenancyBenchmark.requireSucceeded(provisioning.provision(TenancyBenchmark.request(i)));
            if (i % PROGRESS_EVERY == 0 || i == options.tenants()) {
                Progress.say("%d/%d tenants", i, options.tenants());
            }
        }
        Progress.say("Provisioned %d tenants in %.1f s", options.tenants(), Samples.secondsSince(started));
        var tenants = metered.bean(TenantRegistry.class).activeTenants();
        if (tenants.size() != options.tenants()) {
            throw new BenchmarkFailure("Expected " + options.tenants() + " active tenants, found " + tenants.size());
        }
        var accounts = metered.bean(BillingAccounts.class);
        for (var tenant : tenants) {
            var customer = accounts.customerOf(tenant.id())
                    .map(BillingAccounts.Customer::customerId)
                    .orElse(null);
            if (!customerOf(tenant).equals(customer)) {
                throw new BenchmarkFailure("Tenant " + tenant.slug() + " has the Stripe customer " + customer + ", not "
                        + customerOf(tenant));
            }
        }
        return tenants;
    }

    private static String customerOf(Tenant tenant) {
        return "cus_" + tenant.id().value();
    }

    private static String subscriptionOf(Tenant tenant) {
        return "sub_" + tenant.id().value();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Webhooks

    /** The events the measured delivery sends per tenant: created, updated, invoice paid, and created again. */
    private static final int EVENTS_PER_TENANT = 4;

    private static int webhookCount(List<Tenant> tenants) {
        return tenants.size() * EVENTS_PER_TENANT;
    }

    /**
     * Posts, per tenant, {@code customer.subscription.created}, {@code customer.subscription.updated},
     * {@code invoice.paid} and a replay of the first, each signed with the endpoint's secret, to the metered node's
     * webhook endpoint over {@value #CONNECTIONS} connections; every kind goes out for all tenants before the next
     * kind. Before that, {@value #WARM_UP_WEBHOOKS} events of a type Tandem does not act on warm the endpoint up.
     */
    private double deliverWebhooks(Node metered, List<Tenant> tenants) {
        var load = new HttpLoad(metered.port(), WEBHOOK_PATH, CONNECTIONS);
        var warmUp = new ArrayList<byte[]>();
        for (int i = 0; i < WARM_UP_WEBHOOKS; i++) {
            warmUp.add(signed(load, event("evt_bench_warm_" + i, "customer.tax_id.created", """
                    {"id": "txi_%d", "object": "tax_id"}
                    """.formatted(i))));
        }
        Progress.say("Webhooks: %d warm-up events of a type not acted on", warmUp.size());
        requireOutcomes(load.sendEach(warmUp).bodies(), Map.of("IGNORED", (long) warmUp.size()));

        var created = new ArrayList<String>();
        var requests = new ArrayList<byte[]>();
        for (var tenant : tenants) {
            created.add(
                    event("evt_bench_created_" + tenant.id().value(), "customer.subscription.created", """
                    {"id": "%s", "object": "subscription", "customer": "%s", "status": "active"}
                    """.formatted(
                                    subscriptionOf(tenant), customerOf(tenant))));
        }
        created.forEach(event -> requests.add(signed(load, event)));
        for (var tenant : tenants) {
            requests.add(signed(
                    load,
                    event("evt_bench_updated_" + tenant.id().value(), "customer.subscription.updated", """
                            {"id": "%s", "object": "subscription", "customer": "%s", "status": "active"}
                            """.formatted(
                                    subscriptionOf(tenant), customerOf(tenant)))));
        }
        for (var tenant : tenants) {
            requests.add(signed(load, event("evt_bench_paid_" + tenant.id().value(), "invoice.paid", """
                    {"id": "in_%s", "object": "invoice", "customer": "%s", "subscription": "%s", "status": "paid"}
                    """.formatted(
                            tenant.id().value(), customerOf(tenant), subscriptionOf(tenant)))));
        }
        created.forEach(event -> requests.add(signed(load, event)));

        Progress.say(
                "Webhooks: %d signed events for %d tenants over %d connections",
                requests.size(), tenants.size(), CONNECTIONS);
        var sent = load.sendEach(requests);
        long tenantCount = tenants.size();
        requireOutcomes(sent.bodies(), Map.of("APPLIED", 3 * tenantCount, "DUPLICATE", tenantCount));
        var jdbc = metered.bean(JdbcClient.class);
        long subscribed = jdbc.sql("""
                        select count(*) from platform.billing_accounts
                        where stripe_item_id like 'si_%' and status = 'ACTIVE'
                        """).query(Long.class).single();
        if (subscribed != tenantCount) {
            throw new BenchmarkFailure(
                    "After the webhooks " + subscribed + " of " + tenantCount + " accounts are active with their item");
        }
        long recorded = jdbc.sql(
                        "select count(*) from platform.billing_webhook_events where event_id like 'evt_bench_%'")
                .query(Long.class)
                .single();
        if (recorded != WARM_UP_WEBHOOKS + 3 * tenantCount) {
            throw new BenchmarkFailure(
                    "Expected " + (WARM_UP_WEBHOOKS + 3 * tenantCount) + " events recorded, found " + recorded);
        }
        var round = sent.round();
        Progress.say("Webhooks: %d events in %.2f s = %.1f events/s", round.responses(), round.seconds(), round.rps());
        return round.rps();
    }

    private static String event(String id, String type, String object) {
        return """
                {"id": "%s", "object": "event", "type": "%s", "created": %d, "livemode": false,
                 "api_version": "2025-10-29.clover", "data": {"object": %s}}
                """.formatted(id, type, Instant.now().getEpochSecond(), object.strip());
    }

    /** The request Stripe sends: the payload signed now, {@code t=<seconds>,v1=<HMAC-SHA256 of "t.payload">}. */
    private static byte[] signed(HttpLoad load, String payload) {
        long timestamp = Instant.now().getEpochSecond();
        String signature;
        try {
            signature = Webhook.Util.computeHmacSha256(WEBHOOK_SECRET, timestamp + "." + payload);
        } catch (GeneralSecurityException e) {
            throw new BenchmarkFailure("Could not sign a webhook: " + e, e);
        }
        return load.post(
                APEX_HOST,
                Map.of(
                        "Content-Type",
                        "application/json; charset=utf-8",
                        "Accept",
                        "application/json",
                        "Stripe-Signature",
                        "t=" + timestamp + ",v1=" + signature),
                payload);
    }

    private static void requireOutcomes(List<String> bodies, Map<String, Long> expected) {
        var outcomes = bodies.stream()
                .map(body ->
                        body.replaceAll(".*\"outcome\":\"([A-Z]+)\".*", "$1").strip())
                .collect(Collectors.groupingBy(outcome -> outcome, Collectors.counting()));
        if (!outcomes.equals(expected)) {
            throw new BenchmarkFailure("The webhook endpoint answered " + outcomes + " instead of " + expected
                    + "; first answer: " + bodies.get(0));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Enrolling, metered and unmetered

    /**
     * The same enrollments on both nodes: one member after another enrolls as a mentee in an open one-to-one program
     * through {@link Enrollments#enroll}, signed in as identity's filter would leave them, on the metered node in the
     * first tenant and on the unmetered node in the second; the two alternate (metered first, then unmetered first)
     * so that drift hits both alike. The first {@value #WARM_UP_ENROLLMENTS} of each are not counted.
     *
     * @return the medians in milliseconds, metered then unmetered
     */
    private double[] compareEnrollments(Node metered, Node unmetered, Tenant meteredTenant, Tenant unmeteredTenant) {
        int members = WARM_UP_ENROLLMENTS + ENROLLMENTS;
        Progress.say(
                "Enrolling: preparing a program and %d members in %s and in %s",
                members, meteredTenant.slug(), unmeteredTenant.slug());
        var m = openProgram(metered, meteredTenant, members);
        var u = openProgram(unmetered, unmeteredTenant, members);
        var meteredMs = new ArrayList<Double>();
        var unmeteredMs = new ArrayList<Double>();
        Progress.say(
                "Enrolling: %d warm-up and %d measured enrollments on each node, alternating",
                WARM_UP_ENROLLMENTS, ENROLLMENTS);
        for (int i = 0; i < members; i++) {
            boolean meteredFirst = i % 2 == 0;
            double first = enroll(meteredFirst ? m : u, i);
            double second = enroll(meteredFirst ? u : m, i);
            if (i >= WARM_UP_ENROLLMENTS) {
                meteredMs.add(meteredFirst ? first : second);
                unmeteredMs.add(meteredFirst ? second : first);
            }
            if ((i + 1) % 200 == 0) {
                Progress.say("%d/%d enrollments on each node", i + 1, members);
            }
        }
        requireSeats(metered, meteredTenant, members);
        requireSeats(metered, unmeteredTenant, 0);
        var result = new double[] {Samples.median(meteredMs), Samples.median(unmeteredMs)};
        Progress.say("Enrolling p50: metered %.2f ms, unmetered %.2f ms", result[0], result[1]);
        return result;
    }

    private static double enroll(OpenProgram program, int member) {
        long started = System.nanoTime();
        as(
                program.members().get(member),
                () -> program.node()
                        .enrollments()
                        .enroll(program.programId(), new Enrollments.Enroll(Role.MENTEE, null, Map.of())));
        return Samples.millisSince(started);
    }

    /** A coordinator opens a program in the tenant on the node; {@code count} members are added, not enrolled yet. */
    private static OpenProgram openProgram(Node node, Tenant tenant, int count) {
        var coordinator = member(node, tenant, OrgRole.COORDINATOR, "coordinator");
        var programId = as(coordinator, () -> {
            var program = node.programs()
                    .create(new ProgramSettings(
                            "Benchmark program",
                            "",
                            ProgramKind.ONE_TO_ONE,
                            null,
                            null,
                            null,
                            MatchingMode.BOTH,
                            2,
                            5,
                            14));
            node.programs().changeStatus(program.id(), ProgramStatus.ENROLLING);
            return program.id();
        });
        var members = new ArrayList<SignedInMember>(count);
        for (int i = 0; i < count; i++) {
            members.add(member(node, tenant, OrgRole.MEMBER, "member-" + i));
        }
        return new OpenProgram(node, programId, members);
    }

    private static SignedInMember member(Node node, Tenant tenant, OrgRole role, String name) {
        var email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.example";
        var member = TenantScope.get(tenant.id(), () -> node.members().add(email, name, role));
        return new SignedInMember(member.id(), tenant.id(), "kc-" + member.id(), email, name, role);
    }

    /** Runs {@code work} in the member's tenant as them, as identity's filter leaves a request it let through. */
    private static <T> T as(SignedInMember member, Supplier<T> work) {
        RequestContextHolder.setRequestAttributes(new SignedInRequest(member));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        member.email(),
                        null,
                        List.of(new SimpleGrantedAuthority(member.role().authority()))));
        try {
            return TenantScope.get(member.tenant(), work);
        } finally {
            SecurityContextHolder.clearContext();
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private static void requireSeats(Node metered, Tenant tenant, int expected) {
        var jdbc = metered.bean(JdbcClient.class);
        int ledger = jdbc.sql("select count(*) from " + tenant.schemaName() + ".seat_ledger where change = 'TAKEN'")
                .query(Integer.class)
                .single();
        if (ledger != expected) {
            throw new BenchmarkFailure(
                    "Tenant " + tenant.slug() + " has " + ledger + " seats taken in its ledger, not " + expected);
        }
    }

    /**
     * The attributes of a request that identity's security filter let through: the signed-in member, and whatever the
     * request's own code keeps on it. There is no servlet request behind it: the benchmark calls the services.
     */
    private static final class SignedInRequest implements RequestAttributes {

        private final Map<String, Object> attributes = new HashMap<>();

        SignedInRequest(SignedInMember member) {
            attributes.put(CurrentMember.REQUEST_ATTRIBUTE, member);
        }

        @Override
        public Object getAttribute(String name, int scope) {
            return scope == SCOPE_REQUEST ? attributes.get(name) : null;
        }

        @Override
        public void setAttribute(String name, Object value, int scope) {
            if (scope == SCOPE_REQUEST) {
                attributes.put(name, value);
            }
        }

        @Override
        public void removeAttribute(String name, int scope) {
            if (scope == SCOPE_REQUEST) {
                attributes.remove(name);
            }
        }

        @Override
        public String[] getAttributeNames(int scope) {
            return scope == SCOPE_REQUEST ? attributes.keySet().toArray(String[]::new) : new String[0];
        }

        @Override
        public void registerDestructionCallback(String name, Runnable callback, int scope) {
            // Nothing is destroyed at the end of a benchmark's call.
        }

        @Override
        public Object resolveReference(String key) {
            return null;
        }

        @Override
        public String getSessionId() {
            throw new IllegalStateException("The benchmark's calls have no session");
        }

        @Override
        public Object getSessionMutex() {
            return this;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Quantity sync

    /**
     * One more member enrolls in a new program of every tenant on the metered node, so every seat count changes; once
     * SeatCounts has put every account's new count in the outbox, one {@link QuantitySync#sendDue} is
     * timed until it has sent them all, and every account must then be in step with what Stripe received.
     */
    private double syncQuantities(Node metered, WireMockServer stripe, List<Tenant> tenants) {
        Progress.say("Sync: one more enrollment in each of the %d tenants", tenants.size());
        for (int i = 0; i < tenants.size(); i++) {
            var program = openProgram(metered, tenants.get(i), 1);
            enroll(program, 0);
            if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == tenants.size()) {
                Progress.say("%d/%d tenants with a changed seat count", i + 1, tenants.size());
            }
        }
        var jdbc = metered.bean(JdbcClient.class);
        long deadline = System.nanoTime() + SEATS_RECORDED_WITHIN.toNanos();
        long due;
        while ((due = jdbc.sql("select count(*) from platform.billing_accounts where sync_due_at is not null")
                        .query(Long.class)
                        .single())
                < tenants.size()) {
            if (System.nanoTime() > deadline) {
                throw new BenchmarkFailure("Only " + due + " of " + tenants.size()
                        + " accounts had a quantity to send after " + SEATS_RECORDED_WITHIN);
            }
            sleep(Duration.ofMillis(200));
        }
        stripe.resetRequests();
        Progress.say("Sync: %d quantities due; sending", due);
        long started = System.nanoTime();
        int worked = metered.bean(QuantitySync.class).sendDue();
        double seconds = Samples.secondsSince(started);
        long inStep = jdbc.sql("""
                        select count(*) from platform.billing_accounts
                        where sync_due_at is null and sync_attempts = 0 and seats > 0
                          and synced_quantity = seats and synced_version = seats_version
                        """).query(Long.class).single();
        int received = stripe.countRequestsMatching(postRequestedFor(urlPathMatching("/v1/subscription_items/si_.*"))
                        .build())
                .getCount();
        if (worked != tenants.size() || inStep != tenants.size() || received != tenants.size()) {
            throw new BenchmarkFailure(String.format(
                    Locale.ROOT,
                    "The sync worked on %d accounts, %d are in step and Stripe received %d quantities; expected %d",
                    worked,
                    inStep,
                    received,
                    tenants.size()));
        }
        Progress.say("Sync: %d quantities sent in %.2f s", received, seconds);
        return seconds;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("Interrupted while waiting", e);
        }
    }
}
