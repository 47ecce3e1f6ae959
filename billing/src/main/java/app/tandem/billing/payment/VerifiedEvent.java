package app.tandem.billing.payment;

import java.time.Instant;

/**
 * A Stripe event whose signature was verified. Its object is kept as the JSON Stripe sent, because the event's shape
 * follows the API version of the webhook endpoint, which may differ from the one stripe-java is built for; handlers
 * read what they need from it or, better, fetch the object's current state.
 *
 * @param id the event's id ({@code evt_...}), by which deliveries are de-duplicated
 * @param type such as {@code customer.subscription.updated}; any type verifies, known or not
 * @param created when the event happened at Stripe; null when the event does not say
 * @param livemode whether the event comes from live mode rather than test mode
 * @param apiVersion the API version the event's object is written in; null when Stripe names none
 * @param objectId the id of the event's object ({@code data.object.id}); null when it has none
 * @param objectType the kind of the event's object ({@code data.object.object}), such as {@code subscription}
 * @param objectJson the event's object ({@code data.object}) as JSON
 */
public record VerifiedEvent(
        String id,
        String type,
        Instant created,
        boolean livemode,
        String apiVersion,
        String objectId,
        String objectType,
        String objectJson) {}
