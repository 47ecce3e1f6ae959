package app.tandem.billing.account;

import app.tandem.core.web.DomainException;

/** A change of a billing account that its state does not allow; nothing was changed. */
public class BillingRefused extends DomainException {

    private BillingRefused(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    static BillingRefused notPastDue() {
        return new BillingRefused(
                Kind.CONFLICT,
                "not-past-due",
                "No payment of this organization is overdue, so it has no grace period.");
    }

    static BillingRefused negativeLimit(int limit) {
        return new BillingRefused(
                Kind.INVALID, "invalid-seat-limit", "A seat limit is zero or more, not " + limit + ".");
    }

    static BillingRefused unknownPlan(String plan) {
        return new BillingRefused(Kind.INVALID, "unknown-plan", "There is no plan " + plan + ".");
    }

    static BillingRefused noAccount() {
        return new BillingRefused(Kind.NOT_FOUND, "no-billing-account", "This organization has no billing account.");
    }

    static BillingRefused paymentsNotConfigured() {
        return new BillingRefused(
                Kind.CONFLICT, "payments-not-configured", "Payments are not configured on this platform.");
    }

    static BillingRefused notPurchasable(String plan, String interval) {
        return new BillingRefused(
                Kind.INVALID,
                "plan-not-purchasable",
                "The plan " + plan + " cannot be bought online paid " + interval + "; ask us for it.");
    }

    static BillingRefused comped() {
        return new BillingRefused(
                Kind.CONFLICT,
                "organization-comped",
                "Your organization's plan is complimentary: there is nothing to pay. Ask us before you change it.");
    }

    static BillingRefused checkoutPaid() {
        return new BillingRefused(
                Kind.CONFLICT,
                "checkout-paid",
                "A checkout of your organization was paid a moment ago: its subscription is being set up. Reload the"
                        + " billing page in a minute.");
    }

    static BillingRefused alreadySubscribed() {
        return new BillingRefused(
                Kind.CONFLICT,
                "already-subscribed",
                "Your organization already has a subscription: change its plan instead of buying another.");
    }

    static BillingRefused notSubscribed() {
        return new BillingRefused(
                Kind.CONFLICT, "not-subscribed", "Your organization has no subscription yet: choose a plan first.");
    }

    static BillingRefused noCustomer() {
        return new BillingRefused(
                Kind.CONFLICT,
                "no-payment-details",
                "Your organization has no payment details yet: they are asked for when a plan is chosen.");
    }

    static BillingRefused unknownInterval(String interval) {
        return new BillingRefused(
                Kind.INVALID, "unknown-interval", "A plan is paid monthly or yearly, not \"" + interval + "\".");
    }
}
