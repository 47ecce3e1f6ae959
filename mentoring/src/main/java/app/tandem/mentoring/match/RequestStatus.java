package app.tandem.mentoring.match;

/**
 * Where a mentorship request is: PENDING until the mentor accepts or declines it, the mentee withdraws it, or it is
 * CANCELLED because the mentee was matched elsewhere or one side left the program. EXPIRED is never stored: a PENDING
 * request past its expiry reads as expired.
 */
public enum RequestStatus {
    PENDING,
    ACCEPTED,
    DECLINED,
    WITHDRAWN,
    CANCELLED
}
