package app.tandem.billing.seat;

import app.tandem.core.tenant.TenantId;
import java.time.Instant;

/** The organization's seat count changed (to {@code seats} at {@code at}); published in the changing transaction. */
record SeatsChanged(TenantId tenant, int seats, Instant at) {}
