-- Organizations whose seats changed since the platform last counted them: a seat change inserts its organization's
-- row in its own transaction unless it is there already (so no change is lost across a crash, and a burst of changes
-- is one row written once), and the SeatCounts job takes each row out and, in the same transaction, recounts that
-- organization from its ledger into billing_accounts.seats.
create table platform.billing_seat_changes (
    tenant_id  uuid        primary key references platform.tenants (id) on delete cascade,
    changed_at timestamptz not null
);
