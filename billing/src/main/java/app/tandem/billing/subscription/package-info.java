/**
 * The organization's subscription at the payment provider: {@link app.tandem.billing.subscription.Subscriptions}
 * opens Checkout and the Customer Portal and reads the invoices; {@link
 * app.tandem.billing.subscription.StripeWebhooks} takes the provider's events at one platform endpoint and {@link
 * app.tandem.billing.subscription.WebhookEvents} applies each once; {@link
 * app.tandem.billing.subscription.Reconciliation} compares every subscription with the ledger each day.
 */
package app.tandem.billing.subscription;
