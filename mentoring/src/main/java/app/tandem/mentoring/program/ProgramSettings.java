package app.tandem.mentoring.program;

import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;

/**
 * What an admin sets on a program. {@code maxGroupSize} only for GROUP programs; the cap and expiry default to
 * {@link #DEFAULT_PENDING_REQUEST_CAP} and {@link #DEFAULT_REQUEST_EXPIRY_DAYS}.
 */
@NamedInterface("program-settings")
public record ProgramSettings(
        String name,
        String description,
        ProgramKind kind,
        Integer maxGroupSize,
        LocalDate startsOn,
        LocalDate endsOn,
        MatchingMode matchingMode,
        int defaultMentorCapacity,
        int pendingRequestCap,
        int requestExpiryDays) {

    public static final int DEFAULT_PENDING_REQUEST_CAP = 5;
    public static final int DEFAULT_REQUEST_EXPIRY_DAYS = 14;
}
