-- Mentoring programs, their registration questions, and who takes part in which role (with their answers).

create table programs (
    id                      uuid          primary key,
    name                    varchar(200)  not null,
    description             varchar(4000) not null default '',
    kind                    varchar(16)   not null check (kind in ('ONE_TO_ONE', 'GROUP', 'FLASH')),
    max_group_size          integer       check (max_group_size between 2 and 100),
    starts_on               date,
    ends_on                 date,
    status                  varchar(16)   not null check (status in ('DRAFT', 'ENROLLING', 'RUNNING', 'CLOSED')),
    matching_mode           varchar(8)    not null check (matching_mode in ('SELF', 'ADMIN', 'BOTH')),
    default_mentor_capacity integer       not null check (default_mentor_capacity between 1 and 100),
    pending_request_cap     integer       not null default 5 check (pending_request_cap between 1 and 50),
    request_expiry_days     integer       not null default 14 check (request_expiry_days between 1 and 365),
    created_by              varchar(200)  not null,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    version                 bigint        not null default 0,
    check (ends_on is null or starts_on is null or ends_on >= starts_on),
    check ((kind = 'GROUP') = (max_group_size is not null))
);

create index programs_status on programs (status, created_at desc);

-- A question a mentor or a mentee answers when enrolling. A question that feeds matching has an importance and is
-- paired with a question of the same kind on the other side; the pairing is written on both questions.
create table program_questions (
    id                  uuid          primary key,
    program_id          uuid          not null references programs (id) on delete cascade,
    position            integer       not null,
    role                varchar(8)    not null check (role in ('MENTOR', 'MENTEE')),
    kind                varchar(16)   not null
        check (kind in ('SINGLE_CHOICE', 'MULTI_CHOICE', 'RANKED_CHOICE', 'NUMBER', 'TEXT')),
    label               varchar(300)  not null,
    help                varchar(1000) not null default '',
    options             text[]        not null default '{}',
    required            boolean       not null,
    importance          varchar(10)   check (importance in ('MUST', 'VERY', 'MODERATE', 'SOMEWHAT')),
    paired_question_id  uuid          references program_questions (id) on delete set null,
    number_range        double precision,
    version             bigint        not null default 0
);

create index program_questions_program on program_questions (program_id, position);

-- A member taking part in a program as a mentor or a mentee. A member may be both in one program, but not twice in
-- the same role while taking part.
create table enrollments (
    id           uuid        primary key,
    program_id   uuid        not null references programs (id) on delete cascade,
    member_id    uuid        not null references members (id),
    role         varchar(8)  not null check (role in ('MENTOR', 'MENTEE')),
    status       varchar(16) not null check (status in ('ACTIVE', 'PAUSED', 'WITHDRAWN')),
    capacity     integer     check (capacity between 1 and 100),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    withdrawn_at timestamptz,
    version      bigint      not null default 0,
    check ((role = 'MENTOR') = (capacity is not null))
);

create unique index enrollments_taking_part on enrollments (program_id, member_id, role) where status <> 'WITHDRAWN';
create index enrollments_program_role on enrollments (program_id, role, status);
create index enrollments_member on enrollments (member_id);

create table enrollment_answers (
    enrollment_id uuid             not null references enrollments (id) on delete cascade,
    question_id   uuid             not null references program_questions (id) on delete cascade,
    options       text[]           not null default '{}',
    number_value  double precision,
    text_value    varchar(4000),
    primary key (enrollment_id, question_id)
);
