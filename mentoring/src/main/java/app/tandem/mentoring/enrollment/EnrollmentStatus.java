package app.tandem.mentoring.enrollment;

/** Whether an enrolled member takes part: ACTIVE, PAUSED (not available for new matches), or WITHDRAWN for good. */
public enum EnrollmentStatus {
    ACTIVE,
    PAUSED,
    WITHDRAWN
}
