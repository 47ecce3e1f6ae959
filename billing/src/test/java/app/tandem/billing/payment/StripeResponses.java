package app.tandem.billing.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * Bodies as Stripe's API writes them (API version 2026-07-29.dahlia, trimmed to the fields around the ones read), so
 * that tests parse what Stripe sends rather than what the adapter happens to read.
 */
public final class StripeResponses {

    public static final String CUSTOMER_ID = "cus_TandemAcme01";
    public static final String SUBSCRIPTION_ID = "sub_1QTandemAcme01";
    public static final String ITEM_ID = "si_TandemAcme01";
    public static final String PRICE_ID = "price_1QGrowthMonthly";

    /** 2026-01-01T00:00:00Z */
    static final long PERIOD_START = 1767225600L;
    /** 2026-02-01T00:00:00Z */
    static final long PERIOD_END = 1769904000L;
    /** 2025-12-01T00:00:00Z */
    static final long CREATED = 1764547200L;

    private StripeResponses() {}

    public static String customer(UUID tenantId) {
        return """
                {
                  "id": "%s",
                  "object": "customer",
                  "address": null,
                  "balance": 0,
                  "created": %d,
                  "currency": null,
                  "default_source": null,
                  "delinquent": false,
                  "description": null,
                  "email": "admin@acme.example",
                  "invoice_prefix": "A1B2C3D4",
                  "invoice_settings": {"custom_fields": null, "default_payment_method": null, "footer": null},
                  "livemode": false,
                  "metadata": {"tenant_id": "%s"},
                  "name": "Acme Association",
                  "preferred_locales": [],
                  "shipping": null,
                  "tax_exempt": "none"
                }
                """.formatted(CUSTOMER_ID, CREATED, tenantId);
    }

    public static String deletedCustomer() {
        return """
                {"id": "%s", "object": "customer", "deleted": true}
                """.formatted(CUSTOMER_ID);
    }

    public static String checkoutSession(UUID tenantId) {
        return checkoutSession(tenantId, "cs_test_a1TandemAcme", "open");
    }

    /**
     * A checkout session with this id and status: {@code open}, {@code complete} or {@code expired}. It expires an hour
     * from now, as Tandem's checkouts do.
     */
    public static String checkoutSession(UUID tenantId, String id, String status) {
        return """
                {
                  "id": "%s",
                  "object": "checkout.session",
                  "cancel_url": "https://acme.tandem.example/billing",
                  "client_reference_id": "%s",
                  "created": %d,
                  "currency": "cad",
                  "customer": "%s",
                  "expires_at": %d,
                  "livemode": false,
                  "metadata": {},
                  "mode": "subscription",
                  "payment_status": "unpaid",
                  "status": "%s",
                  "subscription": null,
                  "success_url": "https://acme.tandem.example/billing?session={CHECKOUT_SESSION_ID}",
                  "ui_mode": "hosted",
                  "url": "https://checkout.stripe.com/c/pay/%s#fidkdWxOYHwnPyd1blpxYHZxWjA0"
                }
                """.formatted(id, tenantId, CREATED, CUSTOMER_ID, Instant.now().getEpochSecond() + 3600, status, id);
    }

    public static String portalSession() {
        return """
                {
                  "id": "bps_1QTandemAcme",
                  "object": "billing_portal.session",
                  "configuration": "bpc_1QTandemDefault",
                  "created": %d,
                  "customer": "%s",
                  "livemode": false,
                  "locale": null,
                  "on_behalf_of": null,
                  "return_url": "https://acme.tandem.example/billing",
                  "url": "https://billing.stripe.com/p/session/test_YWNjdF8xUVRhbmRlbQ"
                }
                """.formatted(CREATED, CUSTOMER_ID);
    }

    public static String subscription(String status, UUID tenantId, int quantity) {
        return """
                {
                  "id": "%1$s",
                  "object": "subscription",
                  "billing_cycle_anchor": %2$d,
                  "cancel_at": null,
                  "cancel_at_period_end": false,
                  "canceled_at": null,
                  "collection_method": "charge_automatically",
                  "created": %3$d,
                  "currency": "cad",
                  "customer": "%4$s",
                  "default_payment_method": null,
                  "items": {
                    "object": "list",
                    "data": [
                      {
                        "id": "%5$s",
                        "object": "subscription_item",
                        "created": %3$d,
                        "current_period_end": %6$d,
                        "current_period_start": %2$d,
                        "metadata": {},
                        "price": {
                          "id": "%7$s",
                          "object": "price",
                          "active": true,
                          "billing_scheme": "per_unit",
                          "created": %3$d,
                          "currency": "cad",
                          "livemode": false,
                          "lookup_key": "growth_monthly",
                          "metadata": {},
                          "product": "prod_TandemGrowth",
                          "recurring": {"interval": "month", "interval_count": 1, "usage_type": "licensed"},
                          "tax_behavior": "unspecified",
                          "type": "recurring",
                          "unit_amount": 400,
                          "unit_amount_decimal": "400"
                        },
                        "quantity": %8$d,
                        "subscription": "%1$s",
                        "tax_rates": []
                      }
                    ],
                    "has_more": false,
                    "total_count": 1,
                    "url": "/v1/subscription_items?subscription=%1$s"
                  },
                  "latest_invoice": "in_1QTandemAcme01",
                  "livemode": false,
                  "metadata": {%9$s},
                  "status": "%10$s",
                  "trial_end": %2$d,
                  "trial_start": %3$d
                }
                """.formatted(
                        SUBSCRIPTION_ID,
                        PERIOD_START,
                        CREATED,
                        CUSTOMER_ID,
                        ITEM_ID,
                        PERIOD_END,
                        PRICE_ID,
                        quantity,
                        tenantId == null ? "" : "\"tenant_id\": \"" + tenantId + "\"",
                        status);
    }

    public static String subscriptionItem(int quantity) {
        return """
                {
                  "id": "%s",
                  "object": "subscription_item",
                  "created": %d,
                  "current_period_end": %d,
                  "current_period_start": %d,
                  "metadata": {},
                  "price": {"id": "%s", "object": "price", "currency": "cad", "type": "recurring", "unit_amount": 400},
                  "quantity": %d,
                  "subscription": "%s"
                }
                """.formatted(ITEM_ID, CREATED, PERIOD_END, PERIOD_START, PRICE_ID, quantity, SUBSCRIPTION_ID);
    }

    public static String invoice(String id, String number, String status, long amountDue, long amountPaid) {
        boolean finalized = number != null;
        return """
                {
                  "id": %s,
                  "object": "invoice",
                  "account_country": "CA",
                  "amount_due": %d,
                  "amount_paid": %d,
                  "amount_remaining": %d,
                  "billing_reason": "subscription_cycle",
                  "collection_method": "charge_automatically",
                  "created": %d,
                  "currency": "cad",
                  "customer": "%s",
                  "hosted_invoice_url": %s,
                  "invoice_pdf": %s,
                  "livemode": false,
                  "number": %s,
                  "period_end": %d,
                  "period_start": %d,
                  "status": "%s",
                  "subtotal": %d,
                  "total": %d
                }
                """.formatted(
                json(id),
                amountDue,
                amountPaid,
                amountDue - amountPaid,
                PERIOD_START,
                CUSTOMER_ID,
                finalized ? json("https://invoice.stripe.com/i/acct_1Tandem/test_" + number) : "null",
                finalized ? json("https://pay.stripe.com/invoice/acct_1Tandem/test_" + number + "/pdf") : "null",
                json(number),
                PERIOD_END,
                PERIOD_START,
                status,
                amountDue,
                amountDue);
    }

    public static String list(String url, String... items) {
        return """
                {"object": "list", "data": [%s], "has_more": false, "url": "%s"}
                """.formatted(String.join(",", items), url);
    }

    public static String error(String type, String code, String message, String param) {
        return """
                {
                  "error": {
                    "code": %s,
                    "doc_url": %s,
                    "message": "%s",
                    "param": %s,
                    "request_log_url": "https://dashboard.stripe.com/test/logs/req_TandemTest01",
                    "type": "%s"
                  }
                }
                """.formatted(
                        json(code),
                        code == null ? "null" : json("https://stripe.com/docs/error-codes/" + code.replace('_', '-')),
                        message,
                        json(param),
                        type);
    }

    private static String json(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
