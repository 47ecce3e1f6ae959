package app.tandem.mentoring.program;

import app.tandem.core.tenant.TenantId;
import java.time.Instant;
import java.util.UUID;

/** A program opened for enrollment (from DRAFT to ENROLLING). Published in the transaction. */
public record ProgramOpened(TenantId tenant, UUID programId, String name, Instant at) {}
