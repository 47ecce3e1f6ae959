-- When a tenant scheduled for deletion is due: the deletion job drops its schema and organization from then on. Set
-- only while the tenant is PENDING_DELETION.

alter table platform.tenants add column deletion_due_at timestamptz;

alter table platform.tenants add constraint tenants_deletion_due_at_only_pending
    check ((status = 'PENDING_DELETION') = (deletion_due_at is not null));

create index tenants_deletion_due_idx on platform.tenants (deletion_due_at) where status = 'PENDING_DELETION';
