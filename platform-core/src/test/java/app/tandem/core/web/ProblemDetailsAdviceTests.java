package app.tandem.core.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.tenant.AddressTaken;
import app.tandem.core.tenant.TenantSlug;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

class ProblemDetailsAdviceTests {

    @RestController
    static class SlugController {

        @GetMapping("/api/v1/slugs/{slug}")
        String check(@PathVariable String slug) {
            if (slug.equals("taken")) {
                throw new AddressTaken("slug", slug);
            }
            return TenantSlug.of(slug).value();
        }

        @GetMapping("/api/v1/numbers/{number}")
        int number(@PathVariable int number) {
            return number;
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SlugController())
            .setControllerAdvice(new ProblemDetailsAdvice())
            .build();

    @Test
    void domainExceptionsBecomeProblemsWithTheirKindsStatus() throws Exception {
        mvc.perform(get("/api/v1/slugs/taken"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/slug-taken"))
                .andExpect(jsonPath("$.detail").value("\"taken\" is already taken; please choose another."));
        mvc.perform(get("/api/v1/slugs/Acme"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/invalid-slug"))
                .andExpect(jsonPath("$.detail").value("The address must be in lowercase letters: try \"acme\"."));
    }

    @Test
    void springsOwnExceptionsBecomeProblemsToo() throws Exception {
        mvc.perform(get("/api/v1/numbers/seven"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
