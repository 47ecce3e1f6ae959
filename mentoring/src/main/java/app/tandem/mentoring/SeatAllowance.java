package app.tandem.mentoring;

import app.tandem.mentoring.matching.Role;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * How many program seats the organization may use: the port that billing implements. Mentoring asks it inside the
 * transaction that changes what is metered, so a refusal rolls the change back and a concurrent change waits for it.
 * Without billing (mentoring on its own, as in its tests) every seat is allowed.
 */
public interface SeatAllowance {

    /** Allows everything: the organization's seats are not metered. */
    SeatAllowance UNMETERED = new SeatAllowance() {
        @Override
        public void take(Seat seat) {}

        @Override
        public void open(UUID programId, LongSupplier openPrograms) {}
    };

    /**
     * Takes a seat for a new enrollment in an open program, in the enrolling transaction. Throws a
     * {@link app.tandem.core.web.DomainException} that says why when the organization's plan allows no more.
     */
    void take(Seat seat);

    /**
     * Checks, in the transaction that opens it, that the organization's plan allows one more open program. Throws a
     * {@link app.tandem.core.web.DomainException} that says why when it does not. {@code openPrograms} counts the
     * programs open now; it is asked only once the allowance holds its lock, so two programs opening at once are
     * counted one after the other.
     */
    void open(UUID programId, LongSupplier openPrograms);

    /** One member taking part in one program in one role. */
    record Seat(UUID enrollmentId, UUID programId, UUID memberId, Role role) {}
}
