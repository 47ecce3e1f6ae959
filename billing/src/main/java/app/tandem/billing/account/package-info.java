/**
 * Billing accounts: one per organization in the platform schema, opened on a trial by the {@code start-billing}
 * provisioning step, with the limits of the plan in force ({@link app.tandem.billing.account.BillingAccounts}).
 */
package app.tandem.billing.account;
