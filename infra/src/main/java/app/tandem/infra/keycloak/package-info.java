/**
 * Keycloak dev service. {@link app.tandem.infra.keycloak.KeycloakServer} runs the Keycloak server distribution that
 * the build downloads (unpacked once into {@code ~/.tandem/cache}) as a child process on PostgreSQL, with the Tandem
 * realm of {@code infra/deploy/keycloak/tandem-realm.json} in place; {@link app.tandem.infra.keycloak.TestKeycloak} is
 * the one server per test JVM, with users and short-lived tokens for tests on demand, and {@link
 * app.tandem.infra.keycloak.TestLogin} signs a user in through the realm's login pages for real tokens. {@link
 * app.tandem.infra.keycloak.KeycloakCoordinates#asProperties()} points the application at either server.
 */
package app.tandem.infra.keycloak;
