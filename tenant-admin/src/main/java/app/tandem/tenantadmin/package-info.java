/**
 * Tenant administration: self-service sign-up and provisioning ({@code signup}: the form, the progress page, the
 * public sign-up API and the {@code invite-first-admin} provisioning step), the operator console, and later
 * invitations and member admin. It orchestrates provisioning steps that other modules contribute through the core SPI.
 * Its configuration is {@link app.tandem.tenantadmin.TenantAdminProperties} ({@code tandem.tenantadmin.*}); {@code
 * signup.SignUps} is the service other features (the operator console) may ask about sign-ups.
 */
package app.tandem.tenantadmin;
