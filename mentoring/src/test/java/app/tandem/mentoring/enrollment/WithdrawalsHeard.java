package app.tandem.mentoring.enrollment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Listens to {@link EnrollmentWithdrawn} as the other features do, noting whether it came inside a transaction. */
public class WithdrawalsHeard {

    /** An event as heard, with whether a transaction was active then. */
    public record Heard(EnrollmentWithdrawn event, boolean inTransaction) {}

    private final List<Heard> heard = new CopyOnWriteArrayList<>();

    @EventListener
    void on(EnrollmentWithdrawn event) {
        heard.add(new Heard(event, TransactionSynchronizationManager.isActualTransactionActive()));
    }

    public List<Heard> of(java.util.UUID enrollmentId) {
        return heard.stream()
                .filter(h -> h.event().enrollmentId().equals(enrollmentId))
                .toList();
    }
}
