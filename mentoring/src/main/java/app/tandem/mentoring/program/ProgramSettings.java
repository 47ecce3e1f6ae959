package app.tandem.mentoring.program;

import java.time.LocalDate;

/**
 * What an admin sets on a program. {@code maxGroupSize} only for GROUP programs; the cap and expiry default to
 * {@link Program#DEFAULT_PENDING_REQUEST_CAP} and {@link Program#DEFAULT_REQUEST_EXPIRY_DAYS}.
 */
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
        int requestExpiryDays) {}
