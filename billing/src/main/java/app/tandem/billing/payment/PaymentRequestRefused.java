package app.tandem.billing.payment;

import app.tandem.core.web.DomainException;

/**
 * The payment provider refused a request, and repeating it unchanged will not help: a value it found invalid
 * ({@link Kind#INVALID}), or something that contradicts what it holds, such as a declined card, a missing customer or
 * an idempotency key reused with other values ({@link Kind#CONFLICT}).
 */
public class PaymentRequestRefused extends DomainException {

    private final int httpStatus;
    private final String providerCode;
    private final String providerMessage;

    /**
     * @param kind {@link Kind#INVALID} or {@link Kind#CONFLICT}
     * @param action what was being done, completing "refused to ...", such as "open the checkout"
     * @param httpStatus the provider's HTTP status
     * @param providerCode the provider's error code (Stripe: {@code resource_missing}, {@code card_declined}, ...); null
     *     when it gave none
     * @param providerMessage the provider's explanation; null when it gave none
     */
    public PaymentRequestRefused(
            Kind kind, String action, int httpStatus, String providerCode, String providerMessage) {
        super(
                kind,
                "payment-request-refused",
                "Our payment provider refused to " + action
                        + (providerMessage == null || providerMessage.isBlank() ? "." : ": " + providerMessage));
        if (kind != Kind.INVALID && kind != Kind.CONFLICT) {
            throw new IllegalArgumentException("A refusal is INVALID or CONFLICT, not " + kind);
        }
        this.httpStatus = httpStatus;
        this.providerCode = providerCode;
        this.providerMessage = providerMessage;
    }

    /** The provider's HTTP status, such as 400, 402 or 404. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The provider's error code, such as Stripe's {@code resource_missing}; null when it gave none. */
    public String providerCode() {
        return providerCode;
    }

    /** The provider's explanation; null when it gave none. */
    public String providerMessage() {
        return providerMessage;
    }
}
