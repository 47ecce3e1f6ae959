-- Which Keycloak organization each tenant is. Tokens name their organization by alias AND id; the id is what binds a
-- token to a tenant, so a deleted tenant's organization can never vouch for a new tenant that reuses its slug.

create table platform.tenant_organizations (
    tenant_id       uuid        primary key references platform.tenants (id) on delete cascade,
    organization_id varchar(64) not null unique,
    created_at      timestamptz not null default now()
);
