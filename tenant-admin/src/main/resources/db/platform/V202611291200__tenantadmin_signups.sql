-- Self-service sign-ups: who asked for which organization, kept with its provisioning job so that the step that
-- invites the first admin can read them after a restart. The row outlives a rolled-back job as the record of the
-- terms acceptance; the client is kept only as a keyed hash, for the per-client rate limit.
create table platform.signups (
    job_id            uuid         primary key references platform.provisioning_jobs (id) on delete cascade,
    tenant_id         uuid         not null,
    slug              varchar(40)  not null,
    admin_email       varchar(320) not null,
    admin_first_name  varchar(100) not null,
    admin_last_name   varchar(100) not null,
    terms_accepted_at timestamptz  not null,
    client_hash       varchar(64)  not null,
    created_at        timestamptz  not null,
    admin_user_id     varchar(64),
    admin_was_new     boolean,
    invited_at        timestamptz,
    version           bigint       not null default 0,
    constraint signups_admin_email_lowercase check (admin_email = lower(admin_email))
);

create index signups_tenant_id_idx on platform.signups (tenant_id);
create index signups_slug_idx on platform.signups (slug);
create index signups_client_hash_created_at_idx on platform.signups (client_hash, created_at);
