package app.tandem.billing.account;

import app.tandem.core.tenant.TenantId;
import java.time.Instant;

/** An organization's subscription changed in a way its admins hear of: a payment failed, was made, or it ended. */
public record BillingStatusChanged(TenantId tenant, SubscriptionChange change, Instant at) {}
