/**
 * Keycloak dev service. {@link app.tandem.infra.keycloak.KeycloakServer} runs the Keycloak server distribution that
 * the build downloads (unpacked once into {@code ~/.tandem/cache}) as a child process on PostgreSQL, with the Tandem
 * realm of {@code infra/deploy/keycloak/tandem-realm.json} in place; {@link app.tandem.infra.keycloak.TestKeycloak} is
 * the one server per test JVM, and {@link app.tandem.infra.keycloak.KeycloakCoordinates#asProperties()} points the
 * application at either.
 */
package app.tandem.infra.keycloak;
