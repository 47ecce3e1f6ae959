-- Benchmark only (benchmarks/run tenancy): the kind of change most releases bring, a nullable column, which
-- PostgreSQL adds without rewriting the table. Its version sorts after every real migration.

alter table organization_settings add column bench_note varchar(200);
