/**
 * Payments: what billing needs from a payment provider, as the {@link app.tandem.billing.payment.PaymentGateway} port
 * with plain records in and out; its one adapter, for Stripe, wired only when {@code tandem.billing.provider=stripe};
 * and the {@link app.tandem.billing.payment.WebhookVerifier}, which accepts a Stripe webhook only when its signature
 * and timestamp are good. No Stripe type leaves this package. Failures are {@link
 * app.tandem.billing.payment.PaymentProviderUnavailable} (try again later) or {@link
 * app.tandem.billing.payment.PaymentRequestRefused} (Stripe said no, and saying it again will not help).
 */
package app.tandem.billing.payment;
