/**
 * The operators' billing view on the platform site: every organization's plan, status, seats and monthly recurring
 * revenue with the fleet's totals, its CSV export, and the comp, grace extension and seat limit actions, as pages
 * under {@code /operator/billing} and as JSON under {@code /api/v1/operator/billing}. The work is
 * {@link app.tandem.billing.account.BillingFleet}'s; here requests are mapped to it.
 */
package app.tandem.billing.operator;
