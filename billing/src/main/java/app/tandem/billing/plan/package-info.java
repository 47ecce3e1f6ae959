/**
 * The plan catalog: what each plan allows (seats, open programs, the policy past the limit) and what a seat costs.
 * Built-in plans can be replaced and new ones added in configuration.
 */
package app.tandem.billing.plan;
