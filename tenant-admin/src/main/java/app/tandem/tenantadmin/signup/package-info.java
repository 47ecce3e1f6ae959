/**
 * Self-service sign-up on the platform site: the form with its live address check, the progress page, the public
 * sign-up API, the per-client limit, and the provisioning step {@code invite-first-admin} that makes the person who
 * signed up the organization's first org admin and emails them the way in. A sign-up is its provisioning job plus a
 * row in {@code platform.signups} (who asked, when the terms were accepted, what was done in Keycloak), written in one
 * transaction, so a job resumed on another node after a crash still knows whom to invite.
 */
package app.tandem.tenantadmin.signup;
