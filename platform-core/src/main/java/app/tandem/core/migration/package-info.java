/**
 * Tenant schema migrations. Every module puts plain-SQL Flyway migrations under {@code db/tenant} (versions are
 * timestamps, so modules never collide). {@link app.tandem.core.migration.TenantMigrationScripts} reads them once per
 * run; {@link app.tandem.core.migration.TenantMigrator} applies them to every tenant schema with bounded parallel
 * workers and records each tenant's version and outcome in {@code platform.tenant_migrations}; one failing tenant
 * never blocks the others and a run can be repeated. {@link app.tandem.core.migration.SchemaTemplate} creates a new
 * tenant's schema, already migrated, in a single round trip.
 *
 * <p>Besides Hibernate's schema mapper, this package is the only code that sets {@code search_path}: Flyway does so
 * while it migrates a schema, and the schema template with {@code SET LOCAL} inside the transaction that builds one.
 */
@NamedInterface("migration")
package app.tandem.core.migration;

import org.springframework.modulith.NamedInterface;
