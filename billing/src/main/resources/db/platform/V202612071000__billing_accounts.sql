-- Each organization's billing account: its plan, where it is in its trial or subscription, a seat limit set for it
-- (ENTERPRISE), its current seat count as last counted from its own ledger (for the operators' fleet view) and its
-- Stripe customer and subscription. The seat ledger itself lives in the tenant's schema.

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
    grace_ends_at          timestamptz,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    version                bigint       not null default 0,
    check (status <> 'TRIALING' or trial_ends_at is not null)
);

create index billing_accounts_plan_idx on platform.billing_accounts (plan, status);
create unique index billing_accounts_stripe_customer_idx on platform.billing_accounts (stripe_customer_id)
    where stripe_customer_id is not null;

-- Organizations that existed before billing start their trial now.
insert into platform.billing_accounts (tenant_id, plan, status, trial_ends_at, created_at, updated_at)
select id, 'GROWTH', 'TRIALING', now() + interval '30 days', now(), now()
from platform.tenants
where status <> 'DELETED';
