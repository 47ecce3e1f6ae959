/**
 * The Keycloak adapter of {@link app.tandem.identity.IdentityDirectory}: Keycloak's admin REST API on the JDK's HTTP
 * client, configured by {@link app.tandem.identity.keycloak.KeycloakProperties}, and the provisioning step
 * {@code create-organization} that gives every new tenant its organization and registers its host on the web client.
 *
 * <p>Both beans exist only when {@code tandem.identity.keycloak.base-url} is set, so the application and tests that
 * run without Keycloak keep working unchanged (and provision tenants without an organization).
 */
package app.tandem.identity.keycloak;
