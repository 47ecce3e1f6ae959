package app.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.core.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@TestPropertySource(properties = "tandem.demo.enabled=true")
class DemoDataIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantRegistry registry;

    @Autowired
    ApplicationRunner demoData;

    @Test
    void localRunsGetAnActiveDemoTenantOnce() throws Exception {
        var demo = registry.findBySlug("demo").orElseThrow();
        assertThat(demo.status()).isEqualTo(TenantStatus.ACTIVE);

        demoData.run(null);

        assertThat(registry.findBySlug("demo").orElseThrow().id()).isEqualTo(demo.id());
        mvc.perform(get("http://demo.localhost/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Demo Mentoring Association")));
    }
}
