/** Demo data for local runs: the {@code demo} tenant, created when {@code tandem.demo.enabled} is true. */
package app.tandem.demo;
