package app.tandem.billing.payment;

import app.tandem.billing.BillingProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires Stripe when it takes the payments ({@code tandem.billing.provider=stripe}). Its keys are required then, and
 * their absence stops the start rather than the first payment.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tandem.billing.provider", havingValue = "stripe")
class StripeConfiguration {

    @Bean
    PaymentGateway stripePaymentGateway(BillingProperties properties) {
        var stripe = properties.stripe();
        required(
                stripe.apiKey(),
                "tandem.billing.stripe.api-key",
                "TANDEM_BILLING_STRIPE_APIKEY",
                "secret key (sk_...)");
        return new StripePaymentGateway(stripe);
    }

    @Bean
    WebhookVerifier stripeWebhookVerifier(BillingProperties properties, Clock clock) {
        var stripe = properties.stripe();
        required(
                stripe.webhookSecret(),
                "tandem.billing.stripe.webhook-secret",
                "TANDEM_BILLING_STRIPE_WEBHOOKSECRET",
                "webhook signing secret (whsec_...)");
        return new WebhookVerifier(stripe.webhookSecret(), stripe.webhookTolerance(), clock);
    }

    private static void required(String value, String property, String variable, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("tandem.billing.provider is stripe, but " + property + " is not set: set"
                    + " the environment variable " + variable + " to the Stripe " + what + ", or set"
                    + " tandem.billing.provider to none to run without payments.");
        }
    }
}
