package app.tandem.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

class LoginFailureHandlerTests {

    @Test
    void aRefusalKeepsItsReason() {
        assertThat(LoginFailureHandler.reasonOf(LoginRefused.because(LoginRefused.NOT_A_MEMBER)))
                .isEqualTo("not-a-member");
        assertThat(LoginFailureHandler.reasonOf(LoginRefused.because("member-deactivated")))
                .isEqualTo("member-deactivated");
    }

    @Test
    void aTokenEndpointThatDidNotAnswerMeansSignInIsUnavailable() {
        var failure = new OAuth2AuthenticationException(new OAuth2Error("invalid_token_response"));

        assertThat(LoginFailureHandler.reasonOf(failure)).isEqualTo("unavailable");
    }

    @Test
    void anythingElseIsAFailedSignInAndNeverEchoesTheErrorCode() throws Exception {
        var response = new MockHttpServletResponse();

        new LoginFailureHandler()
                .onAuthenticationFailure(
                        new MockHttpServletRequest(),
                        response,
                        new OAuth2AuthenticationException(new OAuth2Error("<script>")));

        assertThat(response.getRedirectedUrl()).isEqualTo("/login/refused?reason=failed");
        assertThat(LoginFailureHandler.reasonOf(new BadCredentialsException("no")))
                .isEqualTo("failed");
    }
}
