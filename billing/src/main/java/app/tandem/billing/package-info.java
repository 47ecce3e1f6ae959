/**
 * Billing: plans, the per-program seat ledger and its metering, the Stripe gateway, webhooks and dunning. It
 * implements mentoring's seat-allowance port; mentoring never sees billing. Filled by the billing issue.
 */
package app.tandem.billing;
