/**
 * Schema-per-tenant persistence over ONE connection pool. Hibernate asks
 * {@link app.tandem.core.persistence.TenantSchemas} which tenant is in scope when a session opens and which schema
 * that is when it obtains a connection; it sets that schema on the connection and restores the connection's own
 * schema when it releases it. Nothing else in the application sets {@code search_path}. Platform entities name their
 * schema ({@code platform}) explicitly; with no tenant in scope a session's schema is
 * {@value app.tandem.core.persistence.TenantSchemas#NO_TENANT_SCHEMA}, which holds no tables, so tenant data cannot
 * be read or written by accident.
 */
package app.tandem.core.persistence;
