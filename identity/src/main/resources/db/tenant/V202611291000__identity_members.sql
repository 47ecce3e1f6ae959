-- The people of the organization. Keycloak knows who they are (keycloak_user_id = the token's subject); this table
-- knows their role in this organization, because Keycloak has no per-organization roles.

create table members (
    id               uuid         primary key,
    keycloak_user_id varchar(64)  unique,
    email            varchar(320) not null,
    display_name     varchar(200) not null,
    role             varchar(16)  not null check (role in ('ORG_ADMIN', 'COORDINATOR', 'MEMBER')),
    status           varchar(16)  not null check (status in ('ACTIVE', 'DEACTIVATED')),
    created_at       timestamptz  not null,
    last_seen_at     timestamptz,
    deactivated_at   timestamptz,
    version          bigint       not null default 0
);

create unique index members_email_key on members (lower(email));
create index members_role_status on members (role, status);
