/**
 * Tenant administration, one package per feature: {@code signup} (self-service sign-up: the form, the progress page,
 * the public sign-up API and the {@code invite-first-admin} provisioning step), {@code console} (the operator console
 * and its API: the fleet, suspension, deletion with export, custom domains, failed provisioning, operator audit),
 * {@code members} (the members area and audit log of an organization) and {@code invitation} (invitations, CSV
 * imports, acceptance). It orchestrates provisioning steps that other modules contribute through the core SPI. Its
 * configuration is {@link app.tandem.tenantadmin.TenantAdminProperties} ({@code tandem.tenantadmin.*}).
 */
package app.tandem.tenantadmin;
