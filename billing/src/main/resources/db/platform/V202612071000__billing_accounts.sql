-- Each organization's billing account: its plan, where it is in its trial or subscription, a seat limit set for it
-- (ENTERPRISE), its current seat count as last counted from its own ledger (for the operators' fleet view) and its
-- Stripe customer and subscription, the outbox of its seat quantity and where it is in dunning. The seat ledger itself
-- lives in the tenant's schema.

create table platform.billing_accounts (
    tenant_id              uuid         primary key references platform.tenants (id) on delete cascade,
    plan                   varchar(40)  not null,
    status                 varchar(20)  not null check (status in ('TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELED')),
    trial_ends_at          timestamptz,
    seat_limit             integer      check (seat_limit >= 0),
    comped                 boolean      not null default false,
    seats                  integer      not null default 0 check (seats >= 0),
    seats_counted_at       timestamptz,
    stripe_customer_id     varchar(255),
    stripe_subscription_id varchar(255),
    stripe_item_id         varchar(255),
    stripe_status          varchar(30),
    -- the quantity outbox: every change of the seat count is a new seats_version; the sync pushes the count of the
    -- latest version once it is due (debounced), with that version in its idempotency key, and backs off on failure
    seats_version          bigint       not null default 0,
    synced_version         bigint       not null default 0,
    synced_quantity        integer,
    sync_due_at            timestamptz,
    sync_attempts          integer      not null default 0,
    sync_error             varchar(500),
    -- the daily reconciliation: when the subscription was last compared with the ledger (claimed once a day per node)
    reconciled_at          timestamptz,
    -- dunning: since when a payment is overdue, until when the organization stays open, how many reminders went out
    past_due_since         timestamptz,
    grace_ends_at          timestamptz,
    dunning_notices        integer      not null default 0,
    suspended_for_billing  boolean      not null default false,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    version                bigint       not null default 0,
    check (status <> 'TRIALING' or trial_ends_at is not null)
);

create index billing_accounts_plan_idx on platform.billing_accounts (plan, status);
create index billing_accounts_sync_due_idx on platform.billing_accounts (sync_due_at) where sync_due_at is not null;
create index billing_accounts_past_due_idx on platform.billing_accounts (grace_ends_at) where status = 'PAST_DUE';
create unique index billing_accounts_stripe_customer_idx on platform.billing_accounts (stripe_customer_id)
    where stripe_customer_id is not null;

-- Organizations that existed before billing start their trial now.
insert into platform.billing_accounts (tenant_id, plan, status, trial_ends_at, created_at, updated_at)
select id, 'GROWTH', 'TRIALING', now() + interval '30 days', now(), now()
from platform.tenants
where status <> 'DELETED';

-- Every Stripe event handled, by its id, written in the same transaction as its effect: a replay finds it and does
-- nothing.
create table platform.billing_webhook_events (
    event_id    varchar(255) primary key,
    type        varchar(100) not null,
    tenant_id   uuid,
    outcome     varchar(30)  not null,
    received_at timestamptz  not null
);

create index billing_webhook_events_received_idx on platform.billing_webhook_events (received_at);
