package app.tandem.mentoring.program;

import app.tandem.core.tenant.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A program closed for good: nobody takes part in it any more (its enrollments keep their state for the record, but
 * hold no seat). Published in the transaction.
 */
@NamedInterface("events")
public record ProgramClosed(TenantId tenant, UUID programId, String name, Instant at) {}
