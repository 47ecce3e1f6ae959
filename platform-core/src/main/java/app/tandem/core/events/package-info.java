/**
 * Domain events between modules, handled after commit and never lost: Spring Modulith's event publication registry,
 * kept in each tenant's schema. A module publishes a past-tense record inside its transaction (carrying the tenant it
 * happened in); listeners annotated {@code @ApplicationModuleListener} run after the commit, on the task executor, in
 * the publisher's tenant scope; what they did not complete is delivered again by {@code EventRedelivery}. Publishing an
 * event that such a listener handles outside a tenant scope fails with {@code NoTenantInScope}.
 */
package app.tandem.core.events;
