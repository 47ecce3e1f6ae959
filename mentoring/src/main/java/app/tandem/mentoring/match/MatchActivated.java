package app.tandem.mentoring.match;

import app.tandem.core.tenant.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A mentor and a mentee are matched: the match became active. Published in the transaction. */
@NamedInterface("events")
public record MatchActivated(
        TenantId tenant,
        UUID matchId,
        UUID programId,
        UUID mentorEnrollmentId,
        UUID menteeEnrollmentId,
        MatchOrigin origin,
        Instant at) {}
