package app.tandem.billing.seat;

import app.tandem.mentoring.SeatAllowance;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Mentoring's seat allowance, answered by the {@link SeatLedger}: enrolling takes a seat and opening a program is
 * checked against the plan. With {@code tandem.billing.metering.enabled=false} there is no such bean and mentoring
 * allows every seat, uncounted.
 */
@Component
@ConditionalOnBooleanProperty(name = "tandem.billing.metering.enabled", matchIfMissing = true)
class MeteredSeats implements SeatAllowance {

    private final SeatLedger ledger;

    MeteredSeats(SeatLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void take(Seat seat) {
        ledger.take(seat);
    }

    @Override
    public void open(UUID programId, LongSupplier openPrograms) {
        ledger.open(programId, openPrograms);
    }
}
