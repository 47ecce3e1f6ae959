package app.tandem.tenantadmin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fleet of a thousand tenants lists a page at a time in one query, however many there are. The tenants are rows
 * only (no schemas), made and rolled back within the test's transaction, which the requests join.
 */
@OperatorConsoleTest
class TenantListingIT {

    private static final SimpleGrantedAuthority OPERATOR = new SimpleGrantedAuthority("ROLE_PLATFORM_OPERATOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    @Transactional
    void aThousandTenantsListAPageAtATimeQuickly() throws Exception {
        var fleet = "bulk" + Long.toString(System.nanoTime() % 1_000_000, 36);
        // One statement each, so the routing epoch's trigger runs once.
        jdbc.sql("""
                        insert into platform.tenants
                            (id, slug, display_name, kind, schema_name, status, created_at, updated_at)
                        select id, ? || '-' || n, 'Bulk organization ' || n,
                               (array['ASSOCIATION', 'SCHOOL', 'COMPANY'])[1 + n % 3],
                               'tenant_' || replace(id::text, '-', ''), 'ACTIVE', now() - n * interval '1 hour', now()
                        from (select gen_random_uuid() as id, n from generate_series(1, 1000) n) fleet
                        """).param(fleet).update();
        jdbc.sql("""
                        insert into platform.tenant_activity
                            (tenant_id, members, active_members, last_activity_at, refreshed_at)
                        select id, hashtext(slug) & 255, hashtext(slug) & 127, now() - (hashtext(slug) & 63) * interval '1 day',
                               now()
                        from platform.tenants where slug like ?
                        """).param(fleet + "-%").update();

        var body = list(fleet, "members", 1);

        var page = json.readTree(body);
        assertThat(page.path("total").asLong()).isEqualTo(1000);
        assertThat(page.path("tenants").size()).isEqualTo(50);
        var members = page.path("tenants")
                .valueStream()
                .map(row -> row.path("members").asInt())
                .toList();
        assertThat(members).isSortedAccordingTo((a, b) -> Integer.compare(b, a));

        var last = json.readTree(list(fleet, "newest", 20));
        assertThat(last.path("tenants").size()).isEqualTo(50);
        assertThat(last.path("tenants").get(49).path("slug").asString()).isEqualTo(fleet + "-1000");
        mvc.perform(get("http://localhost/api/v1/operator/tenants")
                        .param("q", fleet)
                        .param("kind", "SCHOOL")
                        .param("minMembers", "64")
                        .with(jwt().authorities(OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenants[0].kind").value("SCHOOL"));

        mvc.perform(get("http://localhost/operator")
                        .param("q", fleet)
                        .param("sort", "activity")
                        .with(oidcLogin().authorities(OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1,000 organizations match; page 1 of 20.")));
    }

    private String list(String fleet, String sort, int page) throws Exception {
        return mvc.perform(get("http://localhost/api/v1/operator/tenants")
                        .param("q", fleet)
                        .param("sort", sort)
                        .param("page", String.valueOf(page))
                        .with(jwt().authorities(OPERATOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
