package app.tandem.mentoring.program;

import app.tandem.core.tenant.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A program opened for enrollment (from DRAFT to ENROLLING). Published in the transaction. */
@NamedInterface("events")
public record ProgramOpened(TenantId tenant, UUID programId, String name, Instant at) {}
