/**
 * Dev services for local runs and tests: real servers started in-process so that a machine with only a JDK can run
 * and test the whole platform. {@link app.tandem.infra.postgres} starts PostgreSQL (zonky embedded PostgreSQL, or a
 * Testcontainers container where a Docker engine answers). Deployment descriptors live under {@code infra/deploy}.
 */
package app.tandem.infra;
