/**
 * What operators watch: Prometheus gauges of tenants by status and of tenant schemas by migration state, and a
 * health contributor that reports the state of tenant migrations. Tags are bounded (a status or a state), never a
 * tenant id.
 */
package app.tandem.core.monitoring;
