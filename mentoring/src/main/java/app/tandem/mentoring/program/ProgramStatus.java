package app.tandem.mentoring.program;

import java.util.Set;

/**
 * Where a program is in its life. DRAFT while it is set up; ENROLLING while people sign up (and may already be
 * matched); RUNNING once the relationships go on (late enrollment and matching still allowed); CLOSED at the end, for
 * good. A program may go back from ENROLLING to DRAFT to fix its questions, never back from RUNNING or CLOSED.
 */
public enum ProgramStatus {
    DRAFT,
    ENROLLING,
    RUNNING,
    CLOSED;

    /** The statuses this one may move to. */
    public Set<ProgramStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(ENROLLING, CLOSED);
            case ENROLLING -> Set.of(DRAFT, RUNNING, CLOSED);
            case RUNNING -> Set.of(CLOSED);
            case CLOSED -> Set.of();
        };
    }

    public boolean canMoveTo(ProgramStatus target) {
        return next().contains(target);
    }

    /** Whether members can enroll, change their answers and be matched. */
    public boolean open() {
        return this == ENROLLING || this == RUNNING;
    }
}
