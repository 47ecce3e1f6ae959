-- The organization's own settings, kept in its schema. Exactly one row; it names its tenant so that a request can
-- check it reads the schema it was routed to.

create table organization_settings (
    id              smallint     primary key default 1 check (id = 1),
    tenant_id       uuid         not null,
    welcome_message varchar(500) not null,
    time_zone       varchar(64)  not null default 'UTC',
    locale          varchar(16)  not null default 'en',
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now()
);
