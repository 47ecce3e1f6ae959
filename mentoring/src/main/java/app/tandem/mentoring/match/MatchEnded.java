package app.tandem.mentoring.match;

import app.tandem.core.tenant.TenantId;
import java.time.Instant;
import java.util.UUID;

/** An active match ended; {@code why} says so in words. Published in the transaction. */
public record MatchEnded(
        TenantId tenant,
        UUID matchId,
        UUID programId,
        UUID mentorEnrollmentId,
        UUID menteeEnrollmentId,
        String why,
        Instant at) {}
