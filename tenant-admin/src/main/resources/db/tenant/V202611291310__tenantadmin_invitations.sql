-- Invitations to join the organization. The link's token is never stored, only its SHA-256: a leaked database does not
-- let anyone accept an invitation. Expiry is a date, not a status: a PENDING invitation past expires_at is expired.

create table invitations (
    id           uuid         primary key,
    email        varchar(320) not null,
    display_name varchar(200) not null,
    role         varchar(16)  not null check (role in ('ORG_ADMIN', 'COORDINATOR', 'MEMBER')),
    token_hash   varchar(64)  not null unique,
    status       varchar(16)  not null check (status in ('PENDING', 'ACCEPTED', 'REVOKED')),
    invited_by   varchar(200) not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    last_sent_at timestamptz  not null,
    times_sent   integer      not null default 1,
    accepted_at  timestamptz,
    revoked_at   timestamptz,
    import_id    uuid,
    version      bigint       not null default 0
);

-- One open invitation per address at a time.
create unique index invitations_pending_email on invitations (lower(email)) where status = 'PENDING';
create index invitations_status_created on invitations (status, created_at desc);
create index invitations_import on invitations (import_id);

-- Bulk imports from CSV, with their progress, readable from any node.
create table invitation_imports (
    id          uuid         primary key,
    total       integer      not null,
    done        integer      not null default 0,
    skipped     integer      not null default 0,
    status      varchar(16)  not null check (status in ('RUNNING', 'FINISHED', 'FAILED')),
    error       varchar(1000),
    started_by  varchar(200) not null,
    started_at  timestamptz  not null,
    finished_at timestamptz
);
