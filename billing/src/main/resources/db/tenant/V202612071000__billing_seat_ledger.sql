-- The seat ledger: every program seat taken and released, with why. It is the truth of what the organization uses;
-- the counters below are derived from it (and can be rebuilt from it). A seat is one enrollment of a member in a
-- program while the program is open: each enrollment takes its seat at most once and releases it at most once.

create table seat_ledger (
    id            bigserial   primary key,
    enrollment_id uuid        not null,
    program_id    uuid        not null,
    member_id     uuid        not null,
    role          varchar(8)  not null check (role in ('MENTOR', 'MENTEE')),
    change        varchar(8)  not null check (change in ('TAKEN', 'RELEASED')),
    reason        varchar(32) not null,
    at            timestamptz not null
);

create unique index seat_ledger_once on seat_ledger (enrollment_id, change);
create index seat_ledger_program_at on seat_ledger (program_id, at);
create index seat_ledger_at on seat_ledger (at);
create index seat_ledger_member on seat_ledger (member_id);

-- Seats held now, per program and in total. The single total row is also the lock every seat change takes, so that
-- the limit holds when members enroll at the same moment.
create table seat_counts (
    program_id uuid        primary key,
    seats      integer     not null check (seats >= 0),
    updated_at timestamptz not null
);

create table seat_total (
    id         smallint    primary key default 1 check (id = 1),
    seats      integer     not null check (seats >= 0),
    updated_at timestamptz not null
);

-- Which notices about running out of seats went to the org admins: each share of a given limit once.
create table seat_notices (
    threshold  integer     not null,
    seat_limit integer     not null,
    seats      integer     not null,
    sent_at    timestamptz not null,
    primary key (threshold, seat_limit)
);

-- Enrollments that took part before metering began take their seats now.
insert into seat_ledger (enrollment_id, program_id, member_id, role, change, reason, at)
select e.id, e.program_id, e.member_id, e.role, 'TAKEN', 'metering-started', e.created_at
from enrollments e
join programs p on p.id = e.program_id
where e.status in ('ACTIVE', 'PAUSED') and p.status in ('ENROLLING', 'RUNNING');

insert into seat_counts (program_id, seats, updated_at)
select program_id, count(*), now() from seat_ledger group by program_id;

insert into seat_total (id, seats, updated_at) select 1, count(*), now() from seat_ledger;
