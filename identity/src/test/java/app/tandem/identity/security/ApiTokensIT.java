package app.tandem.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.tenant.Tenant;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.IdentityIntegrationTest;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.identity.test.MemberFixtures.Account;
import app.tandem.infra.keycloak.TestKeycloak;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Real Keycloak tokens against the API: bound to their organization's tenant, members read afresh on every call. */
@IdentityIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokensIT {

    private static final String PROBLEMS = "https://tandem.app/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    Tenant alpha;
    Tenant beta;
    Account alphaAdmin;
    Account alphaMember;
    Account betaAdmin;

    @BeforeAll
    void twoOrganizations() {
        alpha = tenants.activeTenant("alpha");
        beta = tenants.activeTenant("beta");
        alphaAdmin = people.member(alpha, OrgRole.ORG_ADMIN);
        alphaMember = people.member(alpha, OrgRole.MEMBER);
        betaAdmin = people.member(beta, OrgRole.ORG_ADMIN);
    }

    @Test
    void aMembersTokenOnItsOwnTenantShowsTheMemberAndLinksTheirAccount() throws Exception {
        var token = people.accessToken(alpha, alphaMember);

        mvc.perform(bearer(get(url(alpha, "/api/v1/me")), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(alphaMember.memberId().toString()))
                .andExpect(jsonPath("$.email").value(alphaMember.email()))
                .andExpect(jsonPath("$.role").value("MEMBER"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.lastSeenAt").isNotEmpty());
    }

    @Test
    void aTokenOfOrganizationAOnTheHostOfTenantBIsForbidden() throws Exception {
        var token = people.accessToken(alpha, alphaAdmin);

        mvc.perform(bearer(get(url(beta, "/api/v1/me")), token))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "token-of-another-organization"));
        // Not even a public endpoint accepts it there.
        mvc.perform(bearer(get(url(beta, "/api/v1/tenant")), token)).andExpect(status().isForbidden());
    }

    @Test
    void aUserWhoIsNotAMemberGetsATokenWithoutTheOrganizationAndIsForbidden() throws Exception {
        var outsider = people.outsider();
        var token = people.accessToken(alpha, outsider);

        mvc.perform(bearer(get(url(alpha, "/api/v1/me")), token))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "token-of-another-organization"));
    }

    @Test
    void onATenantHostOnlyItsOwnLoginsCountNotAnyOtherAuthentication() throws Exception {
        // A made-up OIDC login with an org admin's authority, as no Keycloak login for this tenant ever makes it.
        var foreign = SecurityMockMvcRequestPostProcessors.oidcLogin()
                .authorities(new SimpleGrantedAuthority("ROLE_ORG_ADMIN"));

        mvc.perform(get(url(alpha, "/api/v1/members")).with(foreign))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "token-missing"));
    }

    @Test
    void noTokenIsUnauthorizedWithAChallenge() throws Exception {
        mvc.perform(get(url(alpha, "/api/v1/me")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "token-missing"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void aTokenWhosePayloadWasChangedIsUnauthorized() throws Exception {
        var token = people.accessToken(alpha, alphaMember);
        var parts = token.split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        // Claim org beta instead: the signature no longer matches.
        var forged = payload.replace("\"" + alpha.slug() + "\"", "\"" + beta.slug() + "\"");
        assertThat(forged).isNotEqualTo(payload);
        var forgedToken = parts[0] + "." + base64(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        mvc.perform(bearer(get(url(beta, "/api/v1/me")), forgedToken))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "token-invalid"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthorized() throws Exception {
        var genuine = people.accessToken(alpha, alphaAdmin);
        var parts = genuine.split("\\.");
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(generator.generateKeyPair().getPrivate());
        signer.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        var selfSigned = parts[0] + "." + parts[1] + "." + base64(signer.sign());

        mvc.perform(bearer(get(url(alpha, "/api/v1/me")), selfSigned))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "token-invalid"));
    }

    @Test
    void anIdTokenIsNoAccessToken() throws Exception {
        var tokens = TestKeycloak.get()
                .login()
                .withRedirectUri(people.redirectUri(alpha))
                .tokens(alphaAdmin.email(), alphaAdmin.password(), "openid organization:" + alpha.slug());

        mvc.perform(bearer(get(url(alpha, "/api/v1/me")), tokens.idToken())).andExpect(status().isUnauthorized());
    }

    @Test
    void anExpiredTokenIsUnauthorized() throws Exception {
        var keycloak = TestKeycloak.get();
        String token;
        keycloak.setAccessTokenLifespan(Duration.ofSeconds(1));
        try {
            token = people.accessToken(alpha, alphaMember);
        } finally {
            keycloak.restoreAccessTokenLifespan();
        }

        // The test context allows no clock skew; the token dies a second after it was issued.
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> mvc.perform(bearer(get(url(alpha, "/api/v1/me")), token))
                                .andReturn()
                                .getResponse()
                                .getStatus()
                        == 401);
        mvc.perform(bearer(get(url(alpha, "/api/v1/me")), token))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "token-expired"));
    }

    @Test
    void aDeactivatedMemberIsRefusedUntilReactivated() throws Exception {
        var person = people.member(alpha, OrgRole.MEMBER);
        var token = people.accessToken(alpha, person);
        var admin = people.accessToken(alpha, alphaAdmin);
        mvc.perform(bearer(get(url(alpha, "/api/v1/me")), token)).andExpect(status().isOk());

        mvc.perform(bearer(post(url(alpha, "/api/v1/members/" + person.memberId() + "/deactivation")), admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DEACTIVATED"));

        mvc.perform(bearer(get(url(alpha, "/api/v1/me")), token))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "member-deactivated"));
        mvc.perform(bearer(get(url(alpha, "/api/v1/tenant")), token)).andExpect(status().isForbidden());

        mvc.perform(bearer(post(url(alpha, "/api/v1/members/" + person.memberId() + "/reactivation")), admin))
                .andExpect(status().isOk());
        mvc.perform(bearer(get(url(alpha, "/api/v1/me")), token)).andExpect(status().isOk());
    }

    @Test
    void rolesDecideWhatAMemberMayDoAndCountAtOnce() throws Exception {
        var person = people.member(alpha, OrgRole.MEMBER);
        var token = people.accessToken(alpha, person);
        var admin = people.accessToken(alpha, alphaAdmin);

        mvc.perform(bearer(get(url(alpha, "/api/v1/members")), token))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "access-denied"));
        mvc.perform(bearer(put(url(alpha, "/api/v1/members/" + person.memberId() + "/role")), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"ORG_ADMIN\"}"))
                .andExpect(status().isForbidden());

        mvc.perform(bearer(put(url(alpha, "/api/v1/members/" + person.memberId() + "/role")), admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"COORDINATOR\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("COORDINATOR"));

        // The same token, the new role: coordinators list members.
        mvc.perform(bearer(get(url(alpha, "/api/v1/members")), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.email == '" + alphaAdmin.email() + "')].role")
                        .value("ORG_ADMIN"));
    }

    @Test
    void theLastOrgAdminCanBeNeitherDemotedNorDeactivated() throws Exception {
        var lone = tenants.activeTenant("lone");
        var admin = people.member(lone, OrgRole.ORG_ADMIN);
        var token = people.accessToken(lone, admin);

        mvc.perform(bearer(put(url(lone, "/api/v1/members/" + admin.memberId() + "/role")), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"MEMBER\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "last-org-admin"));
        mvc.perform(bearer(post(url(lone, "/api/v1/members/" + admin.memberId() + "/deactivation")), token))
                .andExpect(status().isConflict());
        mvc.perform(bearer(get(url(lone, "/api/v1/me")), token))
                .andExpect(jsonPath("$.role").value("ORG_ADMIN"))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void aMemberIdOfTenantAIsUnknownOnTenantB() throws Exception {
        var betaToken = people.accessToken(beta, betaAdmin);

        mvc.perform(bearer(get(url(beta, "/api/v1/members/" + alphaMember.memberId())), betaToken))
                .andExpect(status().isNotFound());
        mvc.perform(bearer(post(url(beta, "/api/v1/members/" + alphaMember.memberId() + "/deactivation")), betaToken))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "member-not-found"));
        var alphaToken = people.accessToken(alpha, alphaMember);
        mvc.perform(bearer(get(url(alpha, "/api/v1/me")), alphaToken))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void anInvalidRoleIsABadRequestThatChangesNothing() throws Exception {
        var admin = people.accessToken(alpha, alphaAdmin);

        mvc.perform(bearer(put(url(alpha, "/api/v1/members/" + alphaMember.memberId() + "/role")), admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"OWNER\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(bearer(get(url(alpha, "/api/v1/members/" + alphaMember.memberId())), admin))
                .andExpect(jsonPath("$.role").value("MEMBER"));
    }

    private String url(Tenant tenant, String path) {
        return "http://" + tenants.hostOf(tenant) + path;
    }

    private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
