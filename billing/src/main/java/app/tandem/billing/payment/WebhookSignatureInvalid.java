package app.tandem.billing.payment;

import app.tandem.core.web.DomainException;

/** A webhook request that cannot be shown to come from Stripe just now; nothing of it may be acted on. */
public class WebhookSignatureInvalid extends DomainException {

    /** Why the webhook was refused. */
    public enum Reason {
        /** The request has no {@code Stripe-Signature} header. */
        MISSING_HEADER("it has no Stripe-Signature header"),
        /** The header has no timestamp or no {@code v1} signature. */
        MALFORMED_HEADER("its Stripe-Signature header has no timestamp or no v1 signature"),
        /** No signature in the header matches the payload and the endpoint's secret. */
        BAD_SIGNATURE("its signature does not match the payload and this endpoint's secret"),
        /** The signature is good but older than the tolerance allows: possibly a replay. */
        TIMESTAMP_OUTSIDE_TOLERANCE("its signed timestamp is older than the tolerance allows"),
        /** The signature is good but the payload is not a Stripe event. */
        UNREADABLE_PAYLOAD("its payload is not a Stripe event");

        private final String explanation;

        Reason(String explanation) {
            this.explanation = explanation;
        }
    }

    private final Reason reason;

    public WebhookSignatureInvalid(Reason reason) {
        super(Kind.INVALID, "webhook-signature-invalid", "The webhook was refused because " + reason.explanation + ".");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
