-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0), kept in each tenant's
-- schema: a domain event published in a tenant's transaction is recorded here, in that transaction, for every listener
-- that handles it after commit, and marked completed once the listener succeeded. What a crash left incomplete is
-- delivered again by the redelivery job (app.tandem.core.events), tenant by tenant. Nothing here names another schema,
-- so the table moves with its tenant.

create table event_publication (
    id                     uuid        primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);

create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
