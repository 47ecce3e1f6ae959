package app.tandem.mentoring.profile;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.tenant.Tenant;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.mentoring.MentoringIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Profiles through the API: written by their member, read by the organization, invisible to other organizations. */
@MentoringIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfilesApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    Tenant tenant;
    Tenant other;

    @BeforeAll
    void organizations() {
        tenant = tenants.activeTenant("profiles");
        other = tenants.activeTenant("profiles-other");
    }

    @Test
    void aMemberWritesTheirProfileAndColleaguesReadIt() throws Exception {
        var author = people.member(tenant, OrgRole.MEMBER);
        var colleague = people.member(tenant, OrgRole.MEMBER);
        var token = people.accessToken(tenant, author);

        send(tenant, token, get("/api/v1/me/profile"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value(author.memberId().toString()))
                .andExpect(jsonPath("$.headline").value(""))
                .andExpect(jsonPath("$.updatedAt").isEmpty());
        send(tenant, token, put("/api/v1/me/profile"), """
                        {"headline": " Platform engineer ", "bio": "Twenty years of backends.",
                         "skills": ["Java", "PostgreSQL"], "expertise": ["Architecture"], "goals": "Grow mentors",
                         "industry": "Software", "region": "Europe", "timeZone": "Europe/Berlin",
                         "languages": ["German", "en"], "yearsOfExperience": 20}
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.headline").value("Platform engineer"))
                .andExpect(jsonPath("$.languages[0]").value("de"))
                .andExpect(jsonPath("$.languages[1]").value("en"))
                .andExpect(jsonPath("$.updatedAt").isNotEmpty());

        send(
                        tenant,
                        people.accessToken(tenant, colleague),
                        get("/api/v1/members/" + author.memberId() + "/profile"),
                        null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value(author.displayName()))
                .andExpect(jsonPath("$.skills[1]").value("PostgreSQL"))
                .andExpect(jsonPath("$.timeZone").value("Europe/Berlin"))
                .andExpect(jsonPath("$.yearsOfExperience").value(20));
    }

    @Test
    void aWrongFieldIsNamedAndNothingChanges() throws Exception {
        var author = people.member(tenant, OrgRole.MEMBER);
        var token = people.accessToken(tenant, author);
        send(tenant, token, put("/api/v1/me/profile"), "{\"headline\": \"Before\"}")
                .andExpect(status().isOk());

        send(tenant, token, put("/api/v1/me/profile"), """
                        {"headline": "After", "skills": ["Go", "go"], "timeZone": "Mars/Olympus", "yearsOfExperience": 80}
                        """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/invalid-profile"))
                .andExpect(jsonPath("$.errors.skills").value("'go' is listed twice in your skills."))
                .andExpect(jsonPath("$.errors.timeZone").exists())
                .andExpect(jsonPath("$.errors.yearsOfExperience").value("Years of experience are between 0 and 70."));
        send(tenant, token, get("/api/v1/me/profile"), null)
                .andExpect(jsonPath("$.headline").value("Before"));
    }

    @Test
    void anUnknownMemberOrAMemberOfAnotherOrganizationIsNotFound() throws Exception {
        var author = people.member(tenant, OrgRole.MEMBER);
        var outsider = people.member(other, OrgRole.MEMBER);
        var outsiderToken = people.accessToken(other, outsider);

        send(other, outsiderToken, get("/api/v1/members/" + author.memberId() + "/profile"), null)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/member-not-found"));
        send(other, outsiderToken, get("/api/v1/members/" + UUID.randomUUID() + "/profile"), null)
                .andExpect(status().isNotFound());
    }

    private ResultActions send(Tenant on, String token, MockHttpServletRequestBuilder request, String json)
            throws Exception {
        request.with(people.api(on, token));
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }
}
