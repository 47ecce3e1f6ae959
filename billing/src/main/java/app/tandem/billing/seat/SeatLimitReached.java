package app.tandem.billing.seat;

import app.tandem.core.web.DomainException;

/** The organization's plan allows no more program seats, or no more open programs; nothing was changed. */
public class SeatLimitReached extends DomainException {

    private SeatLimitReached(String code, String message) {
        super(Kind.CONFLICT, code, message);
    }

    static SeatLimitReached seats(int limit) {
        return new SeatLimitReached(
                "seat-limit-reached",
                "Your organization's plan allows " + limit + (limit == 1 ? " program seat" : " program seats")
                        + " and all are taken. Ask an admin to add seats.");
    }

    static SeatLimitReached programs(int limit) {
        return new SeatLimitReached(
                "open-program-limit-reached",
                "Your organization's plan allows " + limit + (limit == 1 ? " open program" : " open programs")
                        + " at a time, and " + (limit == 1 ? "one is" : "all are")
                        + " open. Close one first, or ask an admin to change the plan.");
    }
}
