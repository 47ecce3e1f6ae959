package app.tandem.mentoring.match;

import app.tandem.core.tenant.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** An active match ended; {@code why} says so in words. Published in the transaction. */
@NamedInterface("events")
public record MatchEnded(
        TenantId tenant,
        UUID matchId,
        UUID programId,
        UUID mentorEnrollmentId,
        UUID menteeEnrollmentId,
        String why,
        Instant at) {}
