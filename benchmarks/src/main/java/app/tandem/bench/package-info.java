/**
 * On-demand performance harness, run with {@code benchmarks/run <name>} and never part of the build's verify phase.
 * {@link app.tandem.bench.Benchmarks} picks a benchmark by name; each benchmark starts what it measures itself (a
 * fresh embedded PostgreSQL in a temporary directory and the whole Tandem application on a free port), drives it
 * through its public beans and over HTTP on the loopback interface only, prints progress to stderr and ends stdout
 * with one JSON object of figures, so that runs can be compared by a script as well as read. See
 * {@code docs/benchmarks.md} for what each figure means and the targets it is held to.
 */
package app.tandem.bench;
