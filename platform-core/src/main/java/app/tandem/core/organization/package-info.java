/**
 * The organization's own settings, kept in its schema (welcome message, time zone, locale), seeded when the tenant
 * is provisioned, and {@code GET /api/v1/tenant}, which describes the tenant of the request's host.
 */
@NamedInterface("organization")
package app.tandem.core.organization;

import org.springframework.modulith.NamedInterface;
