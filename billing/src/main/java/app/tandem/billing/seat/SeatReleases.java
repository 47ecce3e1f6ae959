package app.tandem.billing.seat;

import app.tandem.core.context.TenantContext;
import app.tandem.mentoring.enrollment.EnrollmentWithdrawn;
import app.tandem.mentoring.program.ProgramClosed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What frees seats, heard after it committed: an enrollment withdrawn (by the member, a coordinator, or because the
 * member was removed) and a program closed. Each is delivered until it succeeded, and a second delivery finds the
 * seats released already. The organization's seat count for the fleet view follows every change.
 */
@Component
class SeatReleases {

    private final SeatLedger ledger;

    SeatReleases(SeatLedger ledger) {
        this.ledger = ledger;
    }

    @ApplicationModuleListener
    void on(EnrollmentWithdrawn withdrawn) {
        TenantContext.require(withdrawn.tenant());
        ledger.release(
                withdrawn.enrollmentId(),
                withdrawn.reason() == EnrollmentWithdrawn.Reason.MEMBER_REMOVED
                        ? SeatLedger.Reason.MEMBER_REMOVED
                        : SeatLedger.Reason.WITHDRAWN);
    }

    @ApplicationModuleListener
    void on(ProgramClosed closed) {
        TenantContext.require(closed.tenant());
        ledger.releaseProgram(closed.programId(), SeatLedger.Reason.PROGRAM_CLOSED);
    }
}
