package app.tandem;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of {@code /api/v1}, served at {@code /v3/api-docs} and {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI tandemApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Tandem API")
                        .version("v1")
                        .description("The JSON API of a Tandem organization. Call it on the organization's own host "
                                + "(https://<slug>.<base domain>/api/v1/...): the host selects the organization. "
                                + "Errors are RFC 9457 problem details.")
                        .license(new License().name("Apache-2.0")));
    }
}
