-- A counter that moves whenever anything routing depends on changes, whichever code (or operator) changed it. Every
-- node compares it every few seconds and drops its cached routes when it moved, so host look-ups cost nothing per
-- request and no node serves a suspended tenant for longer than that.

create table platform.routing_epoch (
    id    smallint primary key default 1 check (id = 1),
    epoch bigint   not null
);

insert into platform.routing_epoch (id, epoch) values (1, 0);

create function platform.advance_routing_epoch() returns trigger
    language plpgsql as
$$
begin
    update platform.routing_epoch set epoch = epoch + 1 where id = 1;
    return null;
end
$$;

create trigger tenants_advance_routing_epoch
    after insert or update or delete on platform.tenants
    for each statement execute function platform.advance_routing_epoch();

create trigger tenant_hosts_advance_routing_epoch
    after insert or update or delete on platform.tenant_hosts
    for each statement execute function platform.advance_routing_epoch();

create trigger tenant_migrations_advance_routing_epoch
    after insert or update or delete on platform.tenant_migrations
    for each statement execute function platform.advance_routing_epoch();
