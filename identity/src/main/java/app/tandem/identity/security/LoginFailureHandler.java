package app.tandem.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Sends a refused or failed browser login to the page that explains it, never to a stack trace. */
class LoginFailureHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(LoginFailureHandler.class);

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        var reason = reasonOf(failure);
        if (reason.equals(LoginRefused.FAILED) || reason.equals(LoginRefused.UNAVAILABLE)) {
            log.warn("Browser login on {} failed: {}", request.getServerName(), failure.getMessage());
        }
        response.sendRedirect(request.getContextPath() + "/login/refused?reason=" + reason);
    }

    static String reasonOf(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth) {
            var code = oauth.getError().getErrorCode();
            if (LoginRefused.REASONS.contains(code)) {
                return code;
            }
            // The token endpoint did not answer (Keycloak down between the redirect and the callback).
            if ("invalid_token_response".equals(code)) {
                return LoginRefused.UNAVAILABLE;
            }
        }
        return LoginRefused.FAILED;
    }
}
