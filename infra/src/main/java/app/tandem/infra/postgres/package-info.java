/**
 * PostgreSQL dev service. {@link app.tandem.infra.postgres.LocalPostgres} keeps its data across local runs;
 * {@link app.tandem.infra.postgres.TestPostgres} is the one server per test JVM, and
 * {@link app.tandem.infra.postgres.TestDatabaseInitializer} gives each Spring test context its own fresh database.
 */
package app.tandem.infra.postgres;
