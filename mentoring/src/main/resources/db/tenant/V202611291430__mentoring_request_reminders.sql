-- When the reminder job told the mentor that a request lapses soon, and told the mentee that it lapsed: each at most
-- once, whichever node runs the job.
alter table mentorship_requests
    add column reminded_at      timestamptz,
    add column lapse_noticed_at timestamptz;

create index mentorship_requests_pending_expiry on mentorship_requests (expires_at) where status = 'PENDING';
