package app.tandem.billing.subscription;

import app.tandem.billing.payment.WebhookSignatureInvalid;
import app.tandem.billing.payment.WebhookVerifier;
import app.tandem.core.routing.OnApexHost;
import app.tandem.identity.PublicPaths;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's one endpoint for Stripe's events, on the apex host: the raw body is verified against the
 * {@code Stripe-Signature} header (a bad signature or a stale timestamp gets a 400 and changes nothing), then applied
 * once. A 2xx tells Stripe the event is handled (applied, a duplicate, or of a type Tandem does not act on); a 5xx
 * makes Stripe deliver it again later.
 */
@RestController
@OnApexHost
class StripeWebhooks {

    static final String PATH = "/api/v1/webhooks/stripe";

    private final ObjectProvider<WebhookVerifier> verifier;
    private final WebhookEvents events;

    StripeWebhooks(ObjectProvider<WebhookVerifier> verifier, WebhookEvents events) {
        this.verifier = verifier;
        this.events = events;
    }

    /** 200 with what became of the event; 400 for a bad signature or a stale timestamp; 404 without payments. */
    @PostMapping(PATH)
    ResponseEntity<?> receive(
            @RequestBody byte[] payload, @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        var verify = verifier.getIfAvailable();
        if (verify == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.NOT_FOUND, "Payments are not configured on this platform."));
        }
        try {
            var event = verify.verify(new String(payload, StandardCharsets.UTF_8), signature);
            return ResponseEntity.ok(Map.of("id", event.id(), "outcome", events.handle(event)));
        } catch (WebhookSignatureInvalid e) {
            events.refused();
            throw e;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Paths {

        /** Stripe signs its calls instead of signing in. */
        @Bean
        PublicPaths stripeWebhookPath() {
            return PublicPaths.of(HttpMethod.POST, PATH);
        }
    }
}
