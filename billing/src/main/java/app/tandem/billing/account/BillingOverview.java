package app.tandem.billing.account;

import java.time.Instant;

/**
 * An organization's billing as its admins and operators read it.
 *
 * @param planCode the plan in force now
 * @param trialEnded whether a trial ended without a paid plan (the fallback plan is in force)
 * @param seatLimit the seats allowed; null for no limit
 * @param seats the seats held, as last counted
 */
public record BillingOverview(
        String planCode,
        String planName,
        AccountStatus status,
        Instant trialEndsAt,
        boolean trialEnded,
        Integer seatLimit,
        Integer openProgramLimit,
        Limits limits,
        boolean comped,
        int seats,
        Instant graceEndsAt) {}
