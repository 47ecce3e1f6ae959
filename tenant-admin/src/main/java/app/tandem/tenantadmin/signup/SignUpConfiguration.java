package app.tandem.tenantadmin.signup;

import app.tandem.identity.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sign-up is for visitors: its pages and API need no sign-in (they exist on the platform site only). */
@Configuration(proxyBeanMethods = false)
class SignUpConfiguration {

    @Bean
    PublicPaths signUpPublicPaths() {
        return PublicPaths.of("/signup", "/signup/**", "/api/v1/signups", "/api/v1/signups/**");
    }
}
