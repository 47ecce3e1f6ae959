package app.tandem.billing.seat;

import app.tandem.billing.account.AccountStatus;
import app.tandem.billing.account.BillingAccounts;
import app.tandem.billing.account.Limits;
import app.tandem.core.context.TenantContext;
import app.tandem.core.tenant.TenantId;
import app.tandem.mentoring.SeatAllowance;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seat ledger of the organization in scope; {@link MeteredSeats} offers it to mentoring as the seat allowance.
 * Every change holds the lock of the organization's single {@code seat_total} row while it checks the plan and
 * counts, so seat changes of one organization happen one after the other: when twenty members enroll at once with one
 * seat left, exactly one gets it. A seat is taken in the enrolling transaction and released after the withdrawal or the program's closing
 * committed; taking or releasing the same enrollment's seat again changes nothing.
 */
@Service
public class SeatLedger {

    /** Why a seat was released, as the ledger records it. */
    enum Reason {
        ENROLLED("enrolled"),
        WITHDRAWN("withdrawn"),
        MEMBER_REMOVED("member-removed"),
        PROGRAM_CLOSED("program-closed");

        final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    private final JdbcClient jdbc;
    private final BillingAccounts accounts;
    private final SeatNotices notices;
    private final Clock clock;

    SeatLedger(JdbcClient jdbc, BillingAccounts accounts, SeatNotices notices, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Takes a seat for a new enrollment, in the enrolling transaction; throws {@link SeatLimitReached} when the plan
     * allows no more, which rolls the seat back with the enrollment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void take(SeatAllowance.Seat seat) {
        var tenant = TenantContext.require();
        var now = clock.instant();
        // Enrolling is the hot path, so metering is one round trip: the ledger row, both counters, the mark that the
        // platform's count of this organization is due (see SeatCounts), and the account the limits follow from. The
        // seat_total row is updated (so locked) before the program's counter, as on every other change, and stays
        // locked until the enrolling transaction ends: the limit below is checked against a total no one else can
        // change meanwhile. No row when the enrollment held its seat already.
        var counted = jdbc.sql("""
                        with taken as (
                            insert into seat_ledger (enrollment_id, program_id, member_id, role, change, reason, at)
                            values (:enrollment, :program, :member, :role, 'TAKEN', :reason, :at)
                            on conflict do nothing
                            returning program_id),
                        total as (
                            update seat_total set seats = seats + 1, updated_at = :at
                            where id = 1 and exists (select 1 from taken)
                            returning seats),
                        program_count as (
                            insert into seat_counts (program_id, seats, updated_at)
                            select taken.program_id, 1, :at from taken, total
                            on conflict (program_id) do update set seats = seat_counts.seats + 1, updated_at = :at),
                        marked as (
                            insert into platform.billing_seat_changes (tenant_id, changed_at)
                            select :tenant, :at from total
                            on conflict (tenant_id) do nothing)
                        select total.seats, a.plan, a.status, a.trial_ends_at, a.seat_limit
                        from total left join platform.billing_accounts a on a.tenant_id = :tenant
                        """)
                .param("enrollment", seat.enrollmentId())
                .param("program", seat.programId())
                .param("member", seat.memberId())
                .param("role", seat.role().name())
                .param("reason", Reason.ENROLLED.code)
                .param("at", Timestamp.from(now))
                .param("tenant", tenant.value())
                .query((row, n) -> new Counted(
                        row.getInt(1),
                        accounts.limitsOf(
                                row.getString(2),
                                row.getString(3) == null ? null : AccountStatus.valueOf(row.getString(3)),
                                row.getTimestamp(4) == null
                                        ? null
                                        : row.getTimestamp(4).toInstant(),
                                (Integer) row.getObject(5))))
                .optional();
        if (counted.isEmpty()) {
            return;
        }
        int seats = counted.get().seats();
        var limits = counted.get().limits();
        if (limits.refusesSeat(seats - 1)) {
            throw SeatLimitReached.seats(limits.seatLimit());
        }
        notices.reached(seats, limits);
    }

    private record Counted(int seats, Limits limits) {}

    /** Marks the platform's count of the organization due, in the transaction of the change (see {@link SeatCounts}). */
    private void markChanged(TenantId tenant, Instant at) {
        jdbc.sql("""
                        insert into platform.billing_seat_changes (tenant_id, changed_at) values (:tenant, :at)
                        on conflict (tenant_id) do nothing
                        """)
                .param("tenant", tenant.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Checks, in the transaction that opens a program, that the plan allows one more open program; throws
     * {@link SeatLimitReached} when it does not.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void open(UUID programId, LongSupplier openPrograms) {
        TenantContext.require();
        lockTotal();
        var limits = accounts.limitsInScope();
        if (limits.refusesProgram(openPrograms.getAsLong())) {
            throw SeatLimitReached.programs(limits.openProgramLimit());
        }
    }

    /** Releases the seat of an enrollment that ended; nothing happens when it holds none (any more). */
    @Transactional
    public void release(UUID enrollmentId, Reason reason) {
        var tenant = TenantContext.require();
        lockTotal();
        var now = clock.instant();
        var released = releaseHeld("t.enrollment_id = :id", enrollmentId, reason, now);
        if (!released.isEmpty()) {
            count(released.get(0).program(), -released.size(), now);
            markChanged(tenant, now);
        }
    }

    /** Releases every seat still held in a program that closed. */
    @Transactional
    public void releaseProgram(UUID programId, Reason reason) {
        var tenant = TenantContext.require();
        lockTotal();
        var now = clock.instant();
        var released = releaseHeld("t.program_id = :id", programId, reason, now);
        if (!released.isEmpty()) {
            count(programId, -released.size(), now);
            markChanged(tenant, now);
        }
    }

    /** The seats held now: per program and in total, as the counters say. */
    @Transactional(readOnly = true)
    public int total() {
        TenantContext.require();
        return jdbc.sql("select seats from seat_total where id = 1")
                .query(Integer.class)
                .single();
    }

    private record Held(UUID enrollment, UUID program, UUID member, String role) {}

    /** Releases the seats still held that {@code which} (a condition on {@code t}) selects. */
    private List<Held> releaseHeld(String which, UUID id, Reason reason, Instant now) {
        var held =
                jdbc.sql("""
                        select t.enrollment_id as enrollment, t.program_id as program, t.member_id as member, t.role
                        from seat_ledger t
                        where %s and t.change = 'TAKEN'
                          and not exists (select 1 from seat_ledger r
                                          where r.enrollment_id = t.enrollment_id and r.change = 'RELEASED')
                        order by t.id
                        """.formatted(which)).param("id", id).query(Held.class).list();
        for (var seat : held) {
            jdbc.sql("""
                            insert into seat_ledger (enrollment_id, program_id, member_id, role, change, reason, at)
                            values (:enrollment, :program, :member, :role, 'RELEASED', :reason, :at)
                            """)
                    .param("enrollment", seat.enrollment())
                    .param("program", seat.program())
                    .param("member", seat.member())
                    .param("role", seat.role())
                    .param("reason", reason.code)
                    .param("at", Timestamp.from(now))
                    .update();
        }
        return held;
    }

    private int lockTotal() {
        return jdbc.sql("select seats from seat_total where id = 1 for update")
                .query(Integer.class)
                .single();
    }

    /** Moves the program's and the total's counters by {@code delta}; returns the new total. */
    private int count(UUID programId, int delta, Instant now) {
        jdbc.sql("""
                        insert into seat_counts (program_id, seats, updated_at) values (:program, greatest(:delta, 0), :now)
                        on conflict (program_id) do update set seats = seat_counts.seats + :delta, updated_at = :now
                        """)
                .param("program", programId)
                .param("delta", delta)
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("update seat_total set seats = seats + :delta, updated_at = :now where id = 1 returning seats")
                .param("delta", delta)
                .param("now", Timestamp.from(now))
                .query(Integer.class)
                .single();
    }
}
