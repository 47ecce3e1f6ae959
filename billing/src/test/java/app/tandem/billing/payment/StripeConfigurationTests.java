package app.tandem.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import app.tandem.billing.BillingProperties;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class StripeConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Billing.class, StripeConfiguration.class)
            .withPropertyValues(
                    "tandem.billing.stripe.api-key=sk_test_51TandemTestKey",
                    "tandem.billing.stripe.webhook-secret=whsec_TandemTestEndpointSecret");

    @Test
    void wiresStripeWhenItTakesThePayments() {
        context.withPropertyValues("tandem.billing.provider=stripe").run(started -> {
            assertThat(started).hasSingleBean(PaymentGateway.class).hasSingleBean(WebhookVerifier.class);
            assertThat(started.getBean(PaymentGateway.class)).isInstanceOf(StripePaymentGateway.class);
        });
    }

    @Test
    void readsTheProviderInAnyCaseAsItsPropertyDoes() {
        context.withPropertyValues("tandem.billing.provider=STRIPE")
                .run(started -> assertThat(started).hasSingleBean(PaymentGateway.class));
    }

    @Test
    void wiresNothingWithoutAProvider() {
        context.run(started ->
                assertThat(started).doesNotHaveBean(PaymentGateway.class).doesNotHaveBean(WebhookVerifier.class));
        context.withPropertyValues("tandem.billing.provider=none")
                .run(started -> assertThat(started).doesNotHaveBean(PaymentGateway.class));
    }

    @Test
    void refusesToStartWithoutTheApiKey() {
        context.withPropertyValues("tandem.billing.provider=stripe", "tandem.billing.stripe.api-key=")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("tandem.billing.stripe.api-key is not set")
                        .hasMessageContaining("TANDEM_BILLING_STRIPE_APIKEY"));
    }

    @Test
    void refusesToStartWithoutTheWebhookSecret() {
        context.withPropertyValues("tandem.billing.provider=stripe", "tandem.billing.stripe.webhook-secret=")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("tandem.billing.stripe.webhook-secret is not set"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BillingProperties.class)
    static class Billing {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
