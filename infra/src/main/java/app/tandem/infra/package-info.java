/**
 * Dev services for local runs and tests: real servers that the JVM starts itself, so that a machine with only a JDK
 * can run and test the whole platform. {@link app.tandem.infra.postgres} starts PostgreSQL (zonky embedded PostgreSQL,
 * or a Testcontainers container where a Docker engine answers); {@link app.tandem.infra.keycloak} runs Keycloak with
 * the Tandem realm; {@link app.tandem.infra.mail} receives mail (a dev mailbox page for local runs, a readable mailbox
 * for tests); {@link app.tandem.infra.browser} drives the machine's Chromium for browser tests. Deployment
 * descriptors, such as the realm file, live under {@code infra/deploy}.
 */
package app.tandem.infra;
