/**
 * Program seats: the ledger in each organization's schema (every seat taken and released, with why), the counters
 * derived from it, the seat allowance mentoring asks when members enroll and programs open (limits enforced under one
 * lock per organization), the releases heard after commit, the notices to admins, and the usage read from the ledger.
 */
package app.tandem.billing.seat;
