-- Requests from mentees to mentors, matches (drafts, active, ended), bulk auto-match runs and blocked pairs.

-- A mentee asks a mentor. PENDING until the mentor answers, the mentee withdraws, or it is cancelled (the mentee was
-- matched elsewhere, one side withdrew from the program); a PENDING request past expires_at is expired (derived).
create table mentorship_requests (
    id                    uuid          primary key,
    program_id            uuid          not null references programs (id) on delete cascade,
    mentee_enrollment_id  uuid          not null references enrollments (id) on delete cascade,
    mentor_enrollment_id  uuid          not null references enrollments (id) on delete cascade,
    message               varchar(2000) not null default '',
    status                varchar(16)   not null
        check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'CANCELLED')),
    response_note         varchar(2000),
    created_at            timestamptz   not null,
    expires_at            timestamptz   not null,
    responded_at          timestamptz,
    version               bigint        not null default 0,
    check (expires_at > created_at)
);

create unique index mentorship_requests_one_pending_per_pair
    on mentorship_requests (mentee_enrollment_id, mentor_enrollment_id) where status = 'PENDING';
create index mentorship_requests_program on mentorship_requests (program_id, status);
create index mentorship_requests_mentee on mentorship_requests (mentee_enrollment_id, status);
create index mentorship_requests_mentor on mentorship_requests (mentor_enrollment_id, status);

-- A bulk auto-match: who started it, how it went, and what it found.
create table match_runs (
    id              uuid         primary key,
    program_id      uuid         not null references programs (id) on delete cascade,
    started_by      varchar(200) not null,
    started_at      timestamptz  not null,
    finished_at     timestamptz,
    status          varchar(16)  not null check (status in ('RUNNING', 'FINISHED', 'FAILED')),
    total_points    bigint       not null default 0,
    mentor_count    integer      not null default 0,
    mentee_count    integer      not null default 0,
    matched_count   integer      not null default 0,
    unmatched_count integer      not null default 0
);

create index match_runs_program on match_runs (program_id, started_at desc);

create table match_run_unmatched (
    run_id               uuid        not null references match_runs (id) on delete cascade,
    mentee_enrollment_id uuid        not null references enrollments (id) on delete cascade,
    reason               varchar(32) not null check (reason in ('NO_ALLOWED_MENTOR', 'ALL_ALLOWED_MENTORS_FULL')),
    primary key (run_id, mentee_enrollment_id)
);

create index match_run_unmatched_mentee on match_run_unmatched (mentee_enrollment_id);

-- A mentor and a mentee matched in a program: a DRAFT of a bulk run for an admin to review, ACTIVE, or ENDED (then a
-- past pair, never matched again in the program).
create table matches (
    id                   uuid          primary key,
    program_id           uuid          not null references programs (id) on delete cascade,
    mentor_enrollment_id uuid          not null references enrollments (id) on delete cascade,
    mentee_enrollment_id uuid          not null references enrollments (id) on delete cascade,
    status               varchar(8)    not null check (status in ('DRAFT', 'ACTIVE', 'ENDED')),
    origin               varchar(8)    not null check (origin in ('REQUEST', 'MANUAL', 'BULK')),
    score_points         integer       not null check (score_points between 0 and 10000),
    reasons              varchar(1000) not null default '',
    run_id               uuid          references match_runs (id) on delete set null,
    request_id           uuid          references mentorship_requests (id) on delete set null,
    created_by           varchar(200)  not null,
    created_at           timestamptz   not null,
    published_at         timestamptz,
    ended_at             timestamptz,
    version              bigint        not null default 0,
    check ((status = 'DRAFT') = (published_at is null)),
    check ((status = 'ENDED') = (ended_at is not null))
);

create unique index matches_open_pair
    on matches (mentor_enrollment_id, mentee_enrollment_id) where status in ('DRAFT', 'ACTIVE');
create unique index matches_one_active_per_mentee on matches (program_id, mentee_enrollment_id) where status = 'ACTIVE';
create unique index matches_one_draft_per_mentee on matches (program_id, mentee_enrollment_id) where status = 'DRAFT';
create index matches_program on matches (program_id, status);
create index matches_mentor on matches (mentor_enrollment_id, status);
create index matches_mentee on matches (mentee_enrollment_id, status);
create index matches_run on matches (run_id);
create index matches_request on matches (request_id);

-- A mentor and a mentee (as members) who must not be matched in a program, whatever their score.
create table blocked_pairs (
    id               uuid         primary key,
    program_id       uuid         not null references programs (id) on delete cascade,
    mentor_member_id uuid         not null references members (id),
    mentee_member_id uuid         not null references members (id),
    blocked_by       varchar(200) not null,
    blocked_at       timestamptz  not null
);

create unique index blocked_pairs_pair on blocked_pairs (program_id, mentor_member_id, mentee_member_id);
create index blocked_pairs_mentor on blocked_pairs (mentor_member_id);
create index blocked_pairs_mentee on blocked_pairs (mentee_member_id);
