-- Outgoing mail of the organization, stored in the transaction of the change that causes it and sent later by the
-- outbox sender (app.tandem.core.mail). A row is PENDING until the SMTP server accepted it (SENT) or it failed too
-- often (FAILED, kept with its last error for an operator).

create table outbox (
    id              uuid          primary key,
    recipient       varchar(320)  not null,
    subject         varchar(500)  not null,
    text_body       text          not null,
    html_body       text,
    status          varchar(16)   not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer       not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz   not null,
    last_error      varchar(2000),
    created_at      timestamptz   not null,
    sent_at         timestamptz
);

-- The sender's query: the PENDING rows that are due, oldest due first. Sent and failed rows stay out of the index.
create index outbox_due on outbox (next_attempt_at) where status = 'PENDING';
