/**
 * Identity: browser login and API tokens through Keycloak, the binding of a Keycloak organization to its tenant,
 * members and their organization roles, and the Keycloak admin gateway. Filled by the identity issue.
 */
package app.tandem.identity;
