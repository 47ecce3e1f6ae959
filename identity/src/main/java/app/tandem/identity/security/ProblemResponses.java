package app.tandem.identity.security;

import app.tandem.core.web.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's answers to a missing, expired or forged token (401, with the {@code WWW-Authenticate} header OAuth 2
 * clients expect) and to a token without the right (403), as problem details; pages get the same texts as a page.
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final Refusals refusals;

    ProblemResponses(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        challenge.commence(request, response, failure);
        var code = failure instanceof InvalidBearerTokenException
                ? (failure.getMessage() != null && failure.getMessage().contains("expired")
                        ? "token-expired"
                        : "token-invalid")
                : "token-missing";
        refusals.send(request, response, HttpStatus.UNAUTHORIZED, code, "identity.refused." + code);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        refusals.send(request, response, HttpStatus.FORBIDDEN, "access-denied", "identity.refused.access-denied");
    }
}
