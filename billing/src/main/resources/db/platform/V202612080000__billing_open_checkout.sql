-- The organization's one open checkout at the provider, so that a second checkout expires the first before it opens:
-- two admins (or two clicks) can never pay for two subscriptions. Cleared when it can no longer be paid.
alter table platform.billing_accounts
    add column checkout_session_id varchar(255),
    add column checkout_expires_at timestamptz;
