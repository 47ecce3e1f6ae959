package app.tandem.billing.seat;

import app.tandem.core.context.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the ledger of the organization in scope says about its seats: held now per program, seats at the end of each
 * day, seat-days per program in a period and the peak of a period. Everything is computed from the ledger, the
 * truth, except "now", which the counters keep (and {@link #rebuiltCounts()} checks).
 */
@Service
public class SeatUsage {

    private final JdbcClient jdbc;

    SeatUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Seats held at the end of one day. */
    public record Day(LocalDate day, int seats) {}

    /** Seats a program held, integrated over a period (one seat for one day is one seat-day). */
    public record ProgramSeatDays(UUID programId, double seatDays) {}

    /** The seats held now in each program that holds any, as the counters say. */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> perProgram() {
        TenantContext.require();
        var result = new LinkedHashMap<UUID, Integer>();
        jdbc.sql("select program_id, seats from seat_counts where seats > 0 order by seats desc")
                .query((row, i) -> result.put(row.getObject(1, UUID.class), row.getInt(2)))
                .list();
        return result;
    }

    /** The seats held now per program and in total, counted from the ledger alone (to check the counters). */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> rebuiltCounts() {
        TenantContext.require();
        var result = new LinkedHashMap<UUID, Integer>();
        jdbc.sql("""
                        select program_id, sum(case change when 'TAKEN' then 1 else -1 end)::int
                        from seat_ledger group by program_id
                        having sum(case change when 'TAKEN' then 1 else -1 end) > 0
                        """)
                .query((row, i) -> result.put(row.getObject(1, UUID.class), row.getInt(2)))
                .list();
        return result;
    }

    /** The seats held at the end of each day from {@code from} to {@code to} (both included), days in {@code zone}. */
    @Transactional(readOnly = true)
    public List<Day> daily(LocalDate from, LocalDate to, ZoneId zone) {
        TenantContext.require();
        var start = from.atStartOfDay(zone).toInstant();
        int held = jdbc.sql("""
                        select coalesce(sum(case change when 'TAKEN' then 1 else -1 end), 0)::int
                        from seat_ledger where at < :start
                        """)
                .param("start", Timestamp.from(start))
                .query(Integer.class)
                .single();
        var deltas = new LinkedHashMap<LocalDate, Integer>();
        jdbc.sql("""
                        select (at at time zone :zone)::date as day, sum(case change when 'TAKEN' then 1 else -1 end)::int
                        from seat_ledger where at >= :start and at < :end
                        group by 1 order by 1
                        """)
                .param("zone", zone.getId())
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((row, i) -> deltas.put(row.getObject(1, LocalDate.class), row.getInt(2)))
                .list();
        var days = new ArrayList<Day>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            held += deltas.getOrDefault(day, 0);
            days.add(new Day(day, held));
        }
        return days;
    }

    /** Seat-days per program over {@code [from, to)}, most first. */
    @Transactional(readOnly = true)
    public List<ProgramSeatDays> seatDays(Instant from, Instant to) {
        TenantContext.require();
        return jdbc.sql("""
                        select t.program_id,
                               sum(extract(epoch from least(coalesce(r.at, :to), :to) - greatest(t.at, :from))) / 86400.0
                        from seat_ledger t
                        left join seat_ledger r on r.enrollment_id = t.enrollment_id and r.change = 'RELEASED'
                        where t.change = 'TAKEN' and t.at < :to and coalesce(r.at, :to) > :from
                        group by t.program_id
                        order by 2 desc
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((row, i) -> new ProgramSeatDays(row.getObject(1, UUID.class), row.getDouble(2)))
                .list();
    }

    /** The most seats held at any moment of {@code [from, to)}. */
    @Transactional(readOnly = true)
    public int peak(Instant from, Instant to) {
        TenantContext.require();
        int held = jdbc.sql("""
                        select coalesce(sum(case change when 'TAKEN' then 1 else -1 end), 0)::int
                        from seat_ledger where at < :from
                        """)
                .param("from", Timestamp.from(from))
                .query(Integer.class)
                .single();
        var changes = jdbc.sql("""
                        select case change when 'TAKEN' then 1 else -1 end
                        from seat_ledger where at >= :from and at < :to order by at, id
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Integer.class)
                .list();
        int peak = held;
        for (int change : changes) {
            held += change;
            peak = Math.max(peak, held);
        }
        return peak;
    }
}
