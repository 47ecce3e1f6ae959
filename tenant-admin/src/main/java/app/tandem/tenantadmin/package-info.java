/**
 * Tenant administration: self-service sign-up and provisioning, the operator console, invitations and member
 * admin. It orchestrates provisioning steps that other modules contribute through the core SPI. Filled by the
 * tenant lifecycle issue.
 */
package app.tandem.tenantadmin;
