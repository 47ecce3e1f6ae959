package app.tandem.billing.payment;

import app.tandem.billing.payment.WebhookSignatureInvalid.Reason;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts a Stripe webhook only when it is signed with the endpoint's secret and its signed timestamp is within the
 * tolerance, which keeps a captured request from being replayed later. Verify the raw request body exactly as it
 * arrived: any re-encoding breaks the signature.
 */
public final class WebhookVerifier {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final String secret;
    private final long toleranceSeconds;
    private final Clock clock;

    /**
     * @param secret the endpoint's signing secret ({@code whsec_...})
     * @param tolerance how old a signed timestamp may be; must be positive, as zero would turn the check off
     * @param clock the time the timestamp is checked against
     */
    public WebhookVerifier(String secret, Duration tolerance, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("A webhook verifier needs the endpoint's signing secret");
        }
        if (tolerance.isNegative() || tolerance.toSeconds() == 0) {
            throw new IllegalArgumentException("The webhook tolerance must be at least a second, not " + tolerance);
        }
        this.secret = secret;
        this.toleranceSeconds = tolerance.toSeconds();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param payload the raw request body
     * @param signatureHeader the {@code Stripe-Signature} header; null when the request has none
     * @throws WebhookSignatureInvalid when the request cannot be shown to come from Stripe just now
     */
    public VerifiedEvent verify(String payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new WebhookSignatureInvalid(Reason.MISSING_HEADER);
        }
        try {
            Webhook.constructEvent(payload, signatureHeader, secret, toleranceSeconds, clock);
        } catch (SignatureVerificationException e) {
            throw refused(reasonOf(e), e);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // stripe-java parses the header's items without checking them ("t=soon", "t").
            throw refused(Reason.MALFORMED_HEADER, e);
        } catch (RuntimeException e) {
            // The signature was good, but the body is not JSON, not an object, or a v2 event notification.
            throw refused(Reason.UNREADABLE_PAYLOAD, e);
        }
        // Read from the JSON rather than from stripe-java's Event, which deserializes the object into its own classes
        // only when the event's API version is its own; the endpoint's version may differ.
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw refused(Reason.UNREADABLE_PAYLOAD, e);
        }
        String id = text(event, "id");
        String type = text(event, "type");
        JsonNode object = event.path("data").path("object");
        if (id == null || type == null || !object.isObject()) {
            throw new WebhookSignatureInvalid(Reason.UNREADABLE_PAYLOAD);
        }
        JsonNode created = event.path("created");
        return new VerifiedEvent(
                id,
                type,
                created.isIntegralNumber() ? Instant.ofEpochSecond(created.longValue()) : null,
                event.path("livemode").asBoolean(false),
                text(event, "api_version"),
                text(object, "id"),
                text(object, "object"),
                object.toString());
    }

    // stripe-java tells the failures apart by message only; WebhookVerifierTests pins each of them.
    private static Reason reasonOf(SignatureVerificationException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Timestamp outside the tolerance zone")) {
            return Reason.TIMESTAMP_OUTSIDE_TOLERANCE;
        }
        if (message.startsWith("Unable to extract timestamp")
                || message.startsWith("No signatures found with expected")) {
            return Reason.MALFORMED_HEADER;
        }
        return Reason.BAD_SIGNATURE;
    }

    private static WebhookSignatureInvalid refused(Reason reason, Exception cause) {
        var refused = new WebhookSignatureInvalid(reason);
        refused.initCause(cause);
        return refused;
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
