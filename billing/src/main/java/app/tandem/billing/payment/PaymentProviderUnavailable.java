package app.tandem.billing.payment;

import app.tandem.core.web.DomainException;

/**
 * The payment provider could not be reached, did not answer in time, failed, or asked to slow down; the same request
 * may succeed later (with the same idempotency key, when it changes something).
 */
public class PaymentProviderUnavailable extends DomainException {

    /**
     * @param action what was being done, completing "could not be reached to ...", such as "open the checkout"
     * @param cause what the provider's client reported
     */
    public PaymentProviderUnavailable(String action, Throwable cause) {
        super(
                Kind.UNAVAILABLE,
                "payment-provider-unavailable",
                "Our payment provider could not be reached to " + action + ". Please try again in a few minutes.");
        initCause(cause);
    }
}
