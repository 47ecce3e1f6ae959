-- Enrolling writes a ledger row, so every index on it is paid for on the hot path: nothing looks seats up by member
-- (a removed member's seats are released through their enrollments), so that index goes.
drop index seat_ledger_member;
