package app.tandem.identity.security;

import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Ends a browser login that Keycloak accepted but this host may not: the reason is one of {@link #REASONS} and becomes
 * the refusal page's message.
 */
final class LoginRefused {

    static final String NOT_A_MEMBER = "not-a-member";
    static final String NOT_AN_OPERATOR = "not-an-operator";
    static final String UNAVAILABLE = "unavailable";
    static final String FAILED = "failed";

    /** Every reason the refusal page knows; anything else is shown as {@link #FAILED}. */
    static final Set<String> REASONS = Set.of(
            NOT_A_MEMBER,
            NOT_AN_OPERATOR,
            UNAVAILABLE,
            FAILED,
            "member-deactivated",
            "member-email-conflict",
            "member-without-email");

    private LoginRefused() {}

    static OAuth2AuthenticationException because(String reason) {
        return new OAuth2AuthenticationException(new OAuth2Error(reason), reason);
    }
}
