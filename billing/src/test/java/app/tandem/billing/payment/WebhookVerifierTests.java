package app.tandem.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tandem.billing.payment.WebhookSignatureInvalid.Reason;
import app.tandem.core.web.DomainException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookVerifierTests {

    private static final String SECRET = "whsec_TandemTestEndpointSecret";
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final UUID TENANT = UUID.fromString("0f8b6c1e-8c57-4c2e-9d43-2a6f1b0e7a11");

    private final WebhookVerifier verifier =
            new WebhookVerifier(SECRET, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsAnEventSignedWithTheEndpointsSecretAndReadsIt() {
        String payload = event("evt_1QTandem01", "customer.subscription.updated", subscription());

        VerifiedEvent event = verifier.verify(payload, StripeSignatures.header(payload, SECRET, NOW.minusSeconds(3)));

        assertThat(event.id()).isEqualTo("evt_1QTandem01");
        assertThat(event.type()).isEqualTo("customer.subscription.updated");
        assertThat(event.created()).isEqualTo(NOW.minusSeconds(5));
        assertThat(event.livemode()).isFalse();
        assertThat(event.apiVersion()).isEqualTo("2026-07-29.dahlia");
        assertThat(event.objectId()).isEqualTo(StripeResponses.SUBSCRIPTION_ID);
        assertThat(event.objectType()).isEqualTo("subscription");
        assertThat(event.objectJson())
                .startsWith("{\"id\":\"" + StripeResponses.SUBSCRIPTION_ID + "\"")
                .contains("\"tenant_id\":\"" + TENANT + "\"", "\"quantity\":42");
    }

    @Test
    void acceptsAnEventOfATypeAndShapeItDoesNotKnow() {
        String payload = event("evt_1QTandem02", "billing.alert.triggered_in_a_future_version", """
                {"id": "alrt_1QTandem", "object": "billing.alert", "shape": {"nested": [1, 2, 3]}, "status": null}
                """);

        VerifiedEvent event = verifier.verify(payload, StripeSignatures.header(payload, SECRET, NOW));

        assertThat(event.type()).isEqualTo("billing.alert.triggered_in_a_future_version");
        assertThat(event.objectId()).isEqualTo("alrt_1QTandem");
        assertThat(event.objectType()).isEqualTo("billing.alert");
        assertThat(event.objectJson()).contains("\"nested\":[1,2,3]");
    }

    @Test
    void acceptsATimestampWithinTheTolerance() {
        String payload = event("evt_1QTandem03", "invoice.paid", invoice());

        assertThat(verifier.verify(payload, StripeSignatures.header(payload, SECRET, NOW.minus(Duration.ofMinutes(4)))))
                .extracting(VerifiedEvent::objectType)
                .isEqualTo("invoice");
    }

    @Test
    void acceptsAnyOfTheSignaturesStripeSendsWhileTheSecretIsRolled() {
        String payload = event("evt_1QTandem04", "invoice.paid", invoice());
        long t = NOW.getEpochSecond();
        String header = "t=" + t + ",v1=" + StripeSignatures.hmac(t + "." + payload, "whsec_TheOldSecret") + ",v1="
                + StripeSignatures.hmac(t + "." + payload, SECRET);

        assertThat(verifier.verify(payload, header).id()).isEqualTo("evt_1QTandem04");
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        String payload = event("evt_1QTandem05", "invoice.paid", invoice());

        assertRefused(payload, StripeSignatures.header(payload, "whsec_SomebodyElse", NOW), Reason.BAD_SIGNATURE);
    }

    @Test
    void refusesAPayloadChangedAfterItWasSigned() {
        String payload = event("evt_1QTandem06", "invoice.paid", invoice());
        String header = StripeSignatures.header(payload, SECRET, NOW);

        assertRefused(payload.replace("\"amount_paid\": 16800", "\"amount_paid\": 0"), header, Reason.BAD_SIGNATURE);
    }

    @Test
    void refusesARequestWithoutSignatureHeader() {
        String payload = event("evt_1QTandem07", "invoice.paid", invoice());

        assertRefused(payload, null, Reason.MISSING_HEADER);
        assertRefused(payload, " ", Reason.MISSING_HEADER);
    }

    @Test
    void refusesAHeaderWithoutTimestampOrV1Signature() {
        String payload = event("evt_1QTandem08", "invoice.paid", invoice());
        String signature = StripeSignatures.hmac(NOW.getEpochSecond() + "." + payload, SECRET);

        assertRefused(payload, "v1=" + signature, Reason.MALFORMED_HEADER);
        assertRefused(payload, "t=" + NOW.getEpochSecond() + ",v0=" + signature, Reason.MALFORMED_HEADER);
        assertRefused(payload, "t=soon,v1=" + signature, Reason.MALFORMED_HEADER);
        assertRefused(payload, "t,v1", Reason.MALFORMED_HEADER);
    }

    @Test
    void refusesATimestampOlderThanTheTolerance() {
        String payload = event("evt_1QTandem09", "invoice.paid", invoice());
        String replayed = StripeSignatures.header(
                payload, SECRET, NOW.minus(Duration.ofMinutes(5).plusSeconds(1)));

        assertRefused(payload, replayed, Reason.TIMESTAMP_OUTSIDE_TOLERANCE);
    }

    @Test
    void refusesASignedPayloadThatIsNotAnEvent() {
        String notJson = "<xml>not an event</xml>";
        String noObject = "{\"id\": \"evt_1QTandem10\", \"object\": \"event\", \"type\": \"invoice.paid\"}";

        assertRefused(notJson, StripeSignatures.header(notJson, SECRET, NOW), Reason.UNREADABLE_PAYLOAD);
        assertRefused(noObject, StripeSignatures.header(noObject, SECRET, NOW), Reason.UNREADABLE_PAYLOAD);
    }

    @Test
    void aRefusalIsBadInputWithAReasonSaid() {
        String payload = event("evt_1QTandem11", "invoice.paid", invoice());

        assertThatThrownBy(() -> verifier.verify(payload, StripeSignatures.header(payload, "whsec_Other", NOW)))
                .isInstanceOfSatisfying(WebhookSignatureInvalid.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID);
                    assertThat(e.code()).isEqualTo("webhook-signature-invalid");
                    assertThat(e.getMessage())
                            .isEqualTo("The webhook was refused because its signature does not match the payload"
                                    + " and this endpoint's secret.");
                });
    }

    private void assertRefused(String payload, String header, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(payload, header))
                .as("header %s", header)
                .isInstanceOfSatisfying(
                        WebhookSignatureInvalid.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static String subscription() {
        return StripeResponses.subscription("active", TENANT, 42);
    }

    private static String invoice() {
        return StripeResponses.invoice("in_1QTandem01", "A1B2C3D4-0001", "paid", 16800, 16800);
    }

    /** An event as Stripe posts it to a webhook endpoint. */
    private static String event(String id, String type, String object) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "2026-07-29.dahlia",
                  "created": %d,
                  "data": {
                    "object": %s
                  },
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": {"id": "req_TandemTest01", "idempotency_key": "seats-7f3a"},
                  "type": "%s"
                }
                """.formatted(id, NOW.minusSeconds(5).getEpochSecond(), object, type);
    }
}
