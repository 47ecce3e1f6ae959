/**
 * Invitations: org admins invite people one by one or from CSV (preview, then a background import with its progress
 * in the tenant's schema), resend and revoke; the invitee accepts through the emailed link, which creates or links
 * their Keycloak user, adds them to the organization and makes them a member with the invited role. Links are 256-bit
 * secrets stored only as hashes and work for seven days; every change is audited and its email goes through the
 * outbox in the same transaction.
 */
package app.tandem.tenantadmin.invitation;
