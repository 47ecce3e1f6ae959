package app.tandem;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** With Keycloak down the platform still starts and serves its public pages; only sign-in says it is unavailable. */
@IntegrationTest
@TestPropertySource(properties = "tandem.identity.keycloak.base-url=http://127.0.0.1:9")
class KeycloakUnreachableIT {

    @Autowired
    MockMvc mvc;

    @Test
    void publicPagesKeepServing() throws Exception {
        mvc.perform(get("http://localhost/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mentoring programs that run themselves")));
        mvc.perform(get("http://localhost/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void signInSaysItIsUnavailableInsteadOfFailing() throws Exception {
        mvc.perform(get("http://localhost/login").accept(MediaType.TEXT_HTML))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("Sign-in is unavailable right now")))
                .andExpect(content().string(containsString("Try again")));
    }

    @Test
    void theHealthEndpointReportsTheOutageWhileTheProbesStayUp() throws Exception {
        mvc.perform(get("http://localhost/actuator/health")).andExpect(status().isServiceUnavailable());
        mvc.perform(get("http://localhost/actuator/health/liveness")).andExpect(status().isOk());
    }
}
