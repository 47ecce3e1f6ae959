package app.tandem.tenantadmin.console;

import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the operator asks the tenant list for: a search in slugs and names, filters, an order and a page. Built from
 * the request's text by {@link TenantFilter#toQuery}, which refuses bad input with a message per field.
 *
 * @param search part of a slug or name, compared without case; null for every tenant
 * @param status only tenants in this status, or null
 * @param kind only tenants of this kind, or null
 * @param createdFrom only tenants created on or after this day (UTC), or null
 * @param createdTo only tenants created on or before this day (UTC), or null
 * @param minMembers only tenants with at least this many active members (per the fleet snapshot), or null
 * @param maxMembers only tenants with at most this many active members, or null
 * @param activeSince only tenants whose members were last active on or after this day, or null
 * @param idleSince only tenants whose members were not active since this day (or never), or null
 * @param sort the order
 * @param page the page, from 1
 * @param size tenants per page
 */
record TenantQuery(
        String search,
        TenantStatus status,
        TenantKind kind,
        LocalDate createdFrom,
        LocalDate createdTo,
        Integer minMembers,
        Integer maxMembers,
        LocalDate activeSince,
        LocalDate idleSince,
        Sort sort,
        int page,
        int size) {

    static final int MAX_SIZE = 200;
    static final int MAX_SEARCH_LENGTH = 200;

    /** The orders the list offers; the SQL of each is fixed here, never taken from the request. */
    enum Sort {
        SLUG("slug", "t.slug"),
        NAME("name", "lower(t.display_name), t.slug"),
        NEWEST("newest", "t.created_at desc, t.slug"),
        OLDEST("oldest", "t.created_at, t.slug"),
        MEMBERS("members", "a.active_members desc nulls last, t.slug"),
        ACTIVITY("activity", "a.last_activity_at desc nulls last, t.slug");

        final String code;
        final String orderBy;

        Sort(String code, String orderBy) {
            this.code = code;
            this.orderBy = orderBy;
        }

        public String code() {
            return code;
        }

        static Sort of(String code) {
            return Arrays.stream(values())
                    .filter(sort -> sort.code.equals(code))
                    .findFirst()
                    .orElseThrow(() -> new InvalidConsoleInput(
                            "sort",
                            "Sort by one of "
                                    + Arrays.stream(values()).map(Sort::code).collect(Collectors.joining(", ")) + "; \""
                                    + code + "\" is not one of them."));
        }
    }

    static TenantQuery firstPage(int size) {
        return new TenantQuery(null, null, null, null, null, null, null, null, null, Sort.SLUG, 1, size);
    }

    /** The same query on another page. */
    TenantQuery onPage(int other) {
        return new TenantQuery(
                search,
                status,
                kind,
                createdFrom,
                createdTo,
                minMembers,
                maxMembers,
                activeSince,
                idleSince,
                sort,
                other,
                size);
    }

    /** The request's text, checked field by field. */
    record TenantFilter(
            String q,
            String status,
            String kind,
            String createdFrom,
            String createdTo,
            String minMembers,
            String maxMembers,
            String activeSince,
            String idleSince,
            String sort,
            String page,
            String size) {

        static TenantFilter empty() {
            return new TenantFilter(null, null, null, null, null, null, null, null, null, null, null, null);
        }

        TenantQuery toQuery(int defaultSize) {
            var search = blank(q) ? null : q.strip();
            if (search != null && search.length() > MAX_SEARCH_LENGTH) {
                throw new InvalidConsoleInput("q", "Search for at most " + MAX_SEARCH_LENGTH + " characters.");
            }
            var from = date("createdFrom", createdFrom);
            var to = date("createdTo", createdTo);
            if (from != null && to != null && from.isAfter(to)) {
                throw new InvalidConsoleInput(
                        "createdTo", "\"Created to\" (" + to + ") lies before \"created from\" (" + from + ").");
            }
            var min = count("minMembers", minMembers);
            var max = count("maxMembers", maxMembers);
            if (min != null && max != null && min > max) {
                throw new InvalidConsoleInput(
                        "maxMembers", "The most members (" + max + ") is fewer than the fewest (" + min + ").");
            }
            int pageNumber = number("page", page, 1, 1, Integer.MAX_VALUE / MAX_SIZE);
            int pageSize = number("size", size, defaultSize, 1, MAX_SIZE);
            return new TenantQuery(
                    search,
                    constant("status", status, TenantStatus.class),
                    constant("kind", kind, TenantKind.class),
                    from,
                    to,
                    min,
                    max,
                    date("activeSince", activeSince),
                    date("idleSince", idleSince),
                    blank(sort) ? Sort.SLUG : Sort.of(sort.strip()),
                    pageNumber,
                    pageSize);
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }

        private static LocalDate date(String field, String text) {
            if (blank(text)) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidConsoleInput(
                        field,
                        "Give a date as year-month-day, such as 2026-11-29; \"" + text.strip() + "\" is not one.");
            }
        }

        private static Integer count(String field, String text) {
            if (blank(text)) {
                return null;
            }
            return number(field, text, 0, 0, 1_000_000);
        }

        private static int number(String field, String text, int fallback, int min, int max) {
            if (blank(text)) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(text.strip());
                if (value < min || value > max) {
                    throw new InvalidConsoleInput(
                            field, "Give a whole number from " + min + " to " + max + " for " + field + ".");
                }
                return value;
            } catch (NumberFormatException e) {
                throw new InvalidConsoleInput(
                        field, "Give a whole number for " + field + "; \"" + text.strip() + "\" is not one.");
            }
        }

        private static <E extends Enum<E>> E constant(String field, String text, Class<E> type) {
            if (blank(text)) {
                return null;
            }
            var wanted = text.strip().toUpperCase(Locale.ROOT);
            return Arrays.stream(type.getEnumConstants())
                    .filter(constant -> constant.name().equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new InvalidConsoleInput(
                            field,
                            "Choose a " + field + " among "
                                    + Arrays.stream(type.getEnumConstants())
                                            .map(Enum::name)
                                            .collect(Collectors.joining(", "))
                                    + "; \"" + text.strip() + "\" is not one."));
        }
    }
}
