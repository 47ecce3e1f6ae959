package app.tandem.billing.operator;

import app.tandem.billing.account.BillingFleet.FleetAccount;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The billing view as CSV (RFC 4180, UTF-8, one header line), the same for the page and the API. Organization names
 * come from whoever signed up, so a cell that a spreadsheet would take for a formula is written as text.
 */
final class FleetCsv {

    static final String[] HEADER = {
        "tenant_id",
        "slug",
        "name",
        "tenant_status",
        "plan",
        "plan_name",
        "status",
        "suspended_for_billing",
        "comped",
        "seats",
        "seat_limit",
        "trial_ends_at",
        "grace_ends_at",
        "currency",
        "monthly_revenue"
    };

    private FleetCsv() {}

    static void send(List<FleetAccount> accounts, Clock clock, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("billing-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv")
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        write(accounts, writer);
        writer.flush();
    }

    static void write(List<FleetAccount> accounts, Writer out) throws IOException {
        var format = CSVFormat.RFC4180.builder().setHeader(HEADER).get();
        var csv = new CSVPrinter(out, format);
        for (var account : accounts) {
            csv.printRecord(
                    account.tenantId(),
                    text(account.slug()),
                    text(account.name()),
                    account.tenantStatus(),
                    text(account.plan()),
                    text(account.planName()),
                    account.status(),
                    account.suspendedForBilling(),
                    account.comped(),
                    account.seats(),
                    account.seatLimit(),
                    instant(account.trialEndsAt()),
                    instant(account.graceEndsAt()),
                    account.currency(),
                    account.monthlyRevenue().toPlainString());
        }
        csv.flush();
    }

    /** Text that a spreadsheet would run as a formula gets a leading apostrophe. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
