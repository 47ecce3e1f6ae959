-- What happened in the organization and who did it: member admin, invitations, settings. Written in the transaction of
-- the change it describes, so the trail and the data never disagree. Never updated, never deleted (but with the
-- tenant).

create table audit_events (
    id          uuid          primary key,
    occurred_at timestamptz   not null,
    actor_id    varchar(64)   not null,
    actor_name  varchar(200)  not null,
    action      varchar(64)   not null,
    subject     varchar(320)  not null,
    details     varchar(2000) not null default ''
);

create index audit_events_occurred_at on audit_events (occurred_at desc);
create index audit_events_action on audit_events (action, occurred_at desc);
