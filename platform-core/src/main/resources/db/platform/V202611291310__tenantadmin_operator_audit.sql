-- What platform operators did, and to which tenant. Written in the same transaction as the change it records (long
-- actions such as a migration or an export record the request first and add their outcome when they end). No foreign
-- key: entries outlive tenants whose provisioning was discarded, so the slug is kept beside the id.

create table platform.operator_audit (
    id            uuid         primary key,
    occurred_at   timestamptz  not null,
    actor_subject varchar(64)  not null,
    actor_email   varchar(320),
    action        varchar(50)  not null,
    tenant_id     uuid,
    tenant_slug   varchar(40),
    details       jsonb        not null default '{}'::jsonb
);

create index operator_audit_tenant_idx on platform.operator_audit (tenant_id, occurred_at desc);
create index operator_audit_occurred_idx on platform.operator_audit (occurred_at desc);

-- The fleet snapshot the operator console lists, sorts and filters by: each tenant's members and last activity,
-- read from the tenant schemas every few minutes so that a list of a thousand tenants is one query.
create table platform.tenant_activity (
    tenant_id        uuid        primary key references platform.tenants (id) on delete cascade,
    members          int         not null,
    active_members   int         not null,
    last_activity_at timestamptz,
    refreshed_at     timestamptz not null
);

create index tenant_activity_active_members_idx on platform.tenant_activity (active_members);
create index tenant_activity_last_activity_idx on platform.tenant_activity (last_activity_at);
