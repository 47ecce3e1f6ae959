-- The tenant registry: one row per organization instance, the hosts it answers on, and the state of its schema.

create table platform.tenants (
    id            uuid         primary key,
    slug          varchar(40)  not null,
    display_name  varchar(200) not null,
    kind          varchar(20)  not null check (kind in ('ASSOCIATION', 'SCHOOL', 'COMPANY')),
    schema_name   varchar(63)  not null,
    status        varchar(20)  not null
        check (status in ('PROVISIONING', 'ACTIVE', 'SUSPENDED', 'PENDING_DELETION', 'DELETED')),
    status_reason varchar(500),
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null default 0,
    constraint tenants_slug_key unique (slug),
    constraint tenants_schema_name_key unique (schema_name),
    constraint tenants_slug_shape check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) between 3 and 40),
    constraint tenants_schema_name_shape check (schema_name ~ '^tenant_[0-9a-f]{32}$')
);

create index tenants_status_idx on platform.tenants (status);

create table platform.tenant_hosts (
    host       varchar(253) primary key,
    tenant_id  uuid         not null references platform.tenants (id) on delete cascade,
    kind       varchar(20)  not null check (kind in ('SUBDOMAIN', 'CUSTOM')),
    created_at timestamptz  not null,
    constraint tenant_hosts_host_shape check (host = lower(host))
);

create index tenant_hosts_tenant_id_idx on platform.tenant_hosts (tenant_id);

-- One row per tenant: the outcome of the latest migration of its schema. Routing serves a tenant only when CURRENT.
create table platform.tenant_migrations (
    tenant_id      uuid        primary key references platform.tenants (id) on delete cascade,
    state          varchar(20) not null check (state in ('PENDING', 'MIGRATING', 'CURRENT', 'FAILED')),
    schema_version varchar(50),
    last_error     text,
    attempted_at   timestamptz,
    succeeded_at   timestamptz,
    duration_ms    bigint,
    updated_at     timestamptz not null
);

create index tenant_migrations_state_idx on platform.tenant_migrations (state);

-- Provisioning jobs outlive a rolled-back tenant, so they keep what was asked for and carry no foreign key.
create table platform.provisioning_jobs (
    id           uuid         primary key,
    tenant_id    uuid         not null,
    slug         varchar(40)  not null,
    display_name varchar(200) not null,
    kind         varchar(20)  not null,
    status       varchar(20)  not null
        check (status in ('RUNNING', 'SUCCEEDED', 'FAILED', 'COMPENSATING', 'ROLLED_BACK')),
    failed_step  varchar(100),
    last_error   text,
    lease_owner  varchar(100),
    lease_until  timestamptz,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    finished_at  timestamptz,
    version      bigint       not null default 0
);

create index provisioning_jobs_tenant_id_idx on platform.provisioning_jobs (tenant_id);
create index provisioning_jobs_status_lease_idx on platform.provisioning_jobs (status, lease_until);

create table platform.provisioning_job_steps (
    job_id      uuid         not null references platform.provisioning_jobs (id) on delete cascade,
    position    int          not null,
    step        varchar(100) not null,
    status      varchar(20)  not null check (status in ('PENDING', 'DONE', 'FAILED', 'COMPENSATED')),
    attempts    int          not null default 0,
    last_error  text,
    started_at  timestamptz,
    finished_at timestamptz,
    primary key (job_id, position)
);
