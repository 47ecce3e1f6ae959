package app.tandem.tenantadmin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.tenantadmin.console.TenantQuery.Sort;
import app.tandem.tenantadmin.console.TenantQuery.TenantFilter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TenantQueryTests {

    private static TenantFilter filter(String field, String value) {
        return new TenantFilter(
                field.equals("q") ? value : null,
                field.equals("status") ? value : null,
                field.equals("kind") ? value : null,
                field.equals("createdFrom") ? value : null,
                field.equals("createdTo") ? value : null,
                field.equals("minMembers") ? value : null,
                field.equals("maxMembers") ? value : null,
                field.equals("activeSince") ? value : null,
                field.equals("idleSince") ? value : null,
                field.equals("sort") ? value : null,
                field.equals("page") ? value : null,
                field.equals("size") ? value : null);
    }

    @Test
    void anEmptyFilterIsTheFirstPageOfEveryTenantBySlug() {
        assertThat(TenantFilter.empty().toQuery(50)).isEqualTo(TenantQuery.firstPage(50));
        assertThat(filter("q", "   ").toQuery(50).search()).isNull();
    }

    @Test
    void readsCaseAndSpacesLenientlyButNothingElse() {
        assertThat(filter("q", "  Acme ").toQuery(50).search()).isEqualTo("Acme");
        assertThat(filter("status", "pending_deletion").toQuery(50).status()).isEqualTo(TenantStatus.PENDING_DELETION);
        assertThat(filter("kind", " school ").toQuery(50).kind()).isEqualTo(TenantKind.SCHOOL);
        assertThat(filter("createdFrom", "2026-11-29").toQuery(50).createdFrom())
                .isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(filter("minMembers", "0").toQuery(50).minMembers()).isZero();
        assertThat(filter("sort", "activity").toQuery(50).sort()).isEqualTo(Sort.ACTIVITY);
        assertThat(filter("page", "3").toQuery(50).page()).isEqualTo(3);
        assertThat(filter("size", "200").toQuery(50).size()).isEqualTo(200);
    }

    @Test
    void refusesEachBadFieldWithItsOwnMessage() {
        assertRefused(filter("status", "GONE"), "status", "Choose a status among PROVISIONING, ACTIVE, SUSPENDED");
        assertRefused(filter("kind", "club"), "kind", "\"club\" is not one");
        assertRefused(filter("createdTo", "11/29/2026"), "createdTo", "year-month-day");
        assertRefused(filter("maxMembers", "-1"), "maxMembers", "from 0 to 1000000");
        assertRefused(filter("page", "first"), "page", "whole number");
        assertRefused(filter("size", "0"), "size", "from 1 to 200");
        assertRefused(filter("sort", "slug desc"), "sort", "\"slug desc\" is not one of them");
        assertRefused(filter("q", "x".repeat(201)), "q", "at most 200 characters");
    }

    @Test
    void refusesRangesThatEndBeforeTheyStart() {
        var dates = new TenantFilter(
                null, null, null, "2026-12-01", "2026-11-30", null, null, null, null, null, null, null);
        assertRefused(dates, "createdTo", "lies before");
        var members = new TenantFilter(null, null, null, null, null, "10", "2", null, null, null, null, null);
        assertRefused(members, "maxMembers", "fewer than the fewest");
    }

    private static void assertRefused(TenantFilter filter, String field, String message) {
        assertThatThrownBy(() -> filter.toQuery(50))
                .isInstanceOfSatisfying(
                        InvalidConsoleInput.class,
                        refused -> assertThat(refused.field()).isEqualTo(field))
                .hasMessageContaining(message);
    }
}
