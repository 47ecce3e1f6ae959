/**
 * Tenant administration: self-service sign-up and provisioning, the operator console, invitations and member
 * admin. It orchestrates provisioning steps that other modules contribute through the core SPI. Its configuration is
 * {@link app.tandem.tenantadmin.TenantAdminProperties}; the operator console and its API live in
 * {@code app.tandem.tenantadmin.console}.
 */
package app.tandem.tenantadmin;
