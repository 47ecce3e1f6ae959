/**
 * The tenancy kernel every other module stands on.
 *
 * <ul>
 *   <li>{@link app.tandem.core.tenant} — the tenant registry in schema {@code platform}: tenants, their hosts, slug
 *       and host rules.
 *   <li>{@link app.tandem.core.routing} — the request host picks the tenant; unknown, suspended and migrating tenants
 *       get their own answers.
 *   <li>{@link app.tandem.core.context} — the tenant scope of the current thread, its propagation into executors, and
 *       jobs that run for every active tenant.
 *   <li>{@link app.tandem.core.persistence} — Hibernate schema-per-tenant over one connection pool.
 *   <li>{@link app.tandem.core.migration} — Flyway per tenant schema, in parallel, with recorded outcomes.
 *   <li>{@link app.tandem.core.provisioning} — provisioning as a persisted job of ordered, idempotent steps that
 *       modules contribute.
 *   <li>{@link app.tandem.core.web} — the RFC 9457 problem-detail error model.
 * </ul>
 */
package app.tandem.core;
