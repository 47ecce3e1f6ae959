package app.tandem.billing.operator;

import app.tandem.billing.account.BillingFleet;
import app.tandem.billing.account.BillingFleet.FleetQuery;
import app.tandem.billing.account.BillingFleet.Standing;
import app.tandem.billing.plan.Plan;
import app.tandem.billing.plan.PlanCatalog;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The billing view's filter as the request gives it ({@code q}, {@code plan}, {@code status}, {@code page},
 * {@code size}), read field by field into a {@link FleetQuery}; bad input is refused with a message for its field.
 */
record FleetFilter(String q, String plan, String status, String page, String size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SEARCH_LENGTH = 200;

    FleetQuery toQuery(PlanCatalog catalog) {
        var search = blank(q) ? null : q.strip();
        if (search != null && search.length() > MAX_SEARCH_LENGTH) {
            throw new InvalidFleetInput("q", "Search for at most " + MAX_SEARCH_LENGTH + " characters.");
        }
        String planCode = null;
        if (!blank(plan)) {
            planCode = catalog.find(plan.strip())
                    .map(Plan::code)
                    .orElseThrow(() -> new InvalidFleetInput(
                            "plan",
                            "Choose a plan among "
                                    + catalog.all().stream().map(Plan::code).collect(Collectors.joining(", "))
                                    + "; \"" + plan.strip() + "\" is not one."));
        }
        return new FleetQuery(
                search,
                planCode,
                standing(),
                number("page", page, 1, Integer.MAX_VALUE / BillingFleet.MAX_PAGE_SIZE),
                blank(size) ? DEFAULT_SIZE : number("size", size, 1, BillingFleet.MAX_PAGE_SIZE));
    }

    /** The same filter's address on another page (the page or the export), empty fields left out. */
    String url(String path, Integer otherPage) {
        var url = UriComponentsBuilder.fromPath(path);
        fields().forEach((name, value) -> url.queryParam(name, value));
        if (otherPage != null) {
            url.queryParam("page", otherPage);
        }
        return url.encode().build().toUriString();
    }

    private Map<String, String> fields() {
        var fields = new LinkedHashMap<String, String>();
        put(fields, "q", q);
        put(fields, "plan", plan);
        put(fields, "status", status);
        put(fields, "size", size);
        return fields;
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (!blank(value)) {
            fields.put(name, value.strip());
        }
    }

    private Standing standing() {
        if (blank(status)) {
            return null;
        }
        var wanted = status.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(Standing.values())
                .filter(standing -> standing.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidFleetInput(
                        "status",
                        "Choose a status among "
                                + Arrays.stream(Standing.values())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", "))
                                + "; \"" + status.strip() + "\" is not one."));
    }

    private static int number(String field, String text, int min, int max) {
        if (blank(text)) {
            return min;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of range
        }
        throw new InvalidFleetInput(
                field,
                "Give a whole number from " + min + " to " + max + " for " + field + "; \"" + text.strip()
                        + "\" is not one.");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
