/**
 * Identity: browser login and API tokens through Keycloak, the binding of a Keycloak organization to its tenant,
 * members and their organization roles. Its public API so far is the {@link app.tandem.identity.IdentityDirectory}
 * port and its exceptions; the Keycloak adapter behind it lives in {@code app.tandem.identity.keycloak}.
 */
package app.tandem.identity;
