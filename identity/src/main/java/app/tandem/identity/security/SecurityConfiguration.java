package app.tandem.identity.security;

import app.tandem.core.web.Refusals;
import app.tandem.identity.OrgRole;
import app.tandem.identity.PublicPaths;
import app.tandem.identity.keycloak.KeycloakProperties;
import app.tandem.identity.keycloak.TenantOrganizations;
import app.tandem.identity.member.Members;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.client.RestTemplate;

/**
 * Who may do what, on every host: browser login through Keycloak with sessions bound to the host they were opened on,
 * bearer tokens for {@code /api/**}, org roles from the tenant's members table (ORG_ADMIN includes COORDINATOR
 * includes MEMBER), the operator area for platform operators only. Public: home pages, sign-in, static assets, health
 * and metrics, the API description, {@code GET /api/v1/tenant}, and what other modules declare as {@link PublicPaths}.
 *
 * <p>Keycloak's endpoints are written down from the configured URLs rather than discovered, so the application starts,
 * and serves its public pages, while Keycloak is down.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The id of the browser login's registration, the last segment of {@code /oauth2/authorization/keycloak}. */
    static final String REGISTRATION_ID = "keycloak";

    static final String AUTHORIZATION_BASE_URI = "/oauth2/authorization";

    /** The audience every access token for Tandem's API carries (the realm's {@code tandem-api} client). */
    static final String API_AUDIENCE = "tandem-api";

    static final String OPERATOR_AUTHORITY = "ROLE_PLATFORM_OPERATOR";

    /** What identity itself keeps public; other modules add theirs as {@link PublicPaths} beans. */
    @Bean
    PublicPaths identityPublicPaths() {
        return PublicPaths.of(
                "/",
                "/error",
                "/login",
                "/login/refused",
                "/webjars/**",
                "/css/**",
                "/js/**",
                "/images/**",
                "/favicon.ico",
                "/actuator/health",
                "/actuator/health/**",
                "/actuator/info",
                "/actuator/prometheus",
                "/v3/api-docs",
                "/v3/api-docs/**",
                "/swagger-ui.html",
                "/swagger-ui/**");
    }

    @Bean
    PublicPaths publicTenantFacts() {
        return PublicPaths.of(HttpMethod.GET, "/api/v1/tenant");
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            JwtDecoder tokens,
            ProblemResponses problems,
            TenantOrganizations organizations,
            Members members,
            Refusals refusals,
            List<PublicPaths> publicPaths)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(
                        requests -> permit(requests, publicPaths).anyRequest().authenticated())
                .oauth2ResourceServer(
                        server -> server.jwt(jwt -> jwt.decoder(tokens).jwtAuthenticationConverter(realmAuthorities()))
                                .authenticationEntryPoint(problems)
                                .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens only: no cookie authenticates an API call, so there is nothing to forge.
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(membershipFilter(organizations, members, refusals), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            TenantLoginUserService users,
            ProblemResponses problems,
            TenantOrganizations organizations,
            Members members,
            Refusals refusals,
            List<PublicPaths> publicPaths)
            throws Exception {
        var logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(requests -> permit(requests, publicPaths)
                        .requestMatchers("/operator", "/operator/**")
                        .hasRole("PLATFORM_OPERATOR")
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.loginPage("/login")
                        .authorizationEndpoint(endpoint -> endpoint.baseUri(AUTHORIZATION_BASE_URI)
                                .authorizationRequestResolver(new TenantAuthorizationRequests(registrations)))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                        .failureHandler(new LoginFailureHandler()))
                .logout(signOut -> signOut.logoutSuccessHandler(logout))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(problems))
                .addFilterBefore(membershipFilter(organizations, members, refusals), AuthorizationFilter.class);
        return http.build();
    }

    private static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry permit(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            List<PublicPaths> publicPaths) {
        for (var paths : publicPaths) {
            var patterns = paths.patterns().toArray(String[]::new);
            if (paths.method() == null) {
                requests.requestMatchers(patterns).permitAll();
            } else {
                requests.requestMatchers(paths.method(), patterns).permitAll();
            }
        }
        return requests;
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(OrgRole.ORG_ADMIN.name())
                .implies(OrgRole.COORDINATOR.name())
                .role(OrgRole.COORDINATOR.name())
                .implies(OrgRole.MEMBER.name())
                .build();
    }

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(KeycloakProperties keycloak) {
        var issuer = keycloak.issuer();
        var backchannel = keycloak.backchannelIssuer();
        var registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(keycloak.webClientId())
                .clientSecret(keycloak.webClientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // {baseUrl} is the host being visited: each tenant's login returns to its own host.
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri(issuer + "/protocol/openid-connect/auth")
                .tokenUri(backchannel + "/protocol/openid-connect/token")
                .jwkSetUri(backchannel + "/protocol/openid-connect/certs")
                .issuerUri(issuer)
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(
                        Map.of("end_session_endpoint", issuer + "/protocol/openid-connect/logout"))
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /**
     * Accepts the realm's access tokens for Tandem's API only: signed with the realm's keys, issued by the realm, meant
     * for {@value #API_AUDIENCE}, of type {@code Bearer} (an ID token is refused) and not expired.
     */
    @Bean
    JwtDecoder jwtDecoder(KeycloakProperties keycloak) {
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(keycloak.connectTimeout())
                .build());
        requests.setReadTimeout(keycloak.readTimeout());
        var decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.backchannelIssuer() + "/protocol/openid-connect/certs")
                .restOperations(new RestTemplate(requests))
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(keycloak.tokenClockSkew()),
                new JwtIssuerValidator(keycloak.issuer()),
                new JwtClaimValidator<List<String>>(
                        "aud", audience -> audience != null && audience.contains(API_AUDIENCE)),
                new JwtClaimValidator<String>("typ", "Bearer"::equals)));
        return decoder;
    }

    @Bean
    TenantLoginUserService tenantLoginUserService(
            JwtDecoder tokens, TenantOrganizations organizations, Members members) {
        return new TenantLoginUserService(tokens, organizations, members);
    }

    @Bean
    ProblemResponses problemResponses(Refusals refusals) {
        return new ProblemResponses(refusals);
    }

    /**
     * Not a bean: Boot would register it as a servlet filter of its own. It runs inside both security filter chains.
     */
    private static MembershipFilter membershipFilter(
            TenantOrganizations organizations, Members members, Refusals refusals) {
        return new MembershipFilter(organizations, members, refusals);
    }

    /** Realm roles as authorities; on a tenant host the membership filter replaces them with the member's role. */
    private static JwtAuthenticationConverter realmAuthorities() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(
                token -> TokenClaims.of(token.getClaims()).operator()
                        ? List.of(new SimpleGrantedAuthority(OPERATOR_AUTHORITY))
                        : List.of());
        return converter;
    }
}
