-- A migration that only tests add, to exercise migrating existing tenants.
create table test_extra (
    id   int primary key,
    note varchar(100)
);
