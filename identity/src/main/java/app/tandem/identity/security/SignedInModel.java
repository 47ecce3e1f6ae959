package app.tandem.identity.security;

import app.tandem.identity.CurrentMember;
import app.tandem.identity.SignedInMember;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page who is signed in, for the layout's navigation bar: {@code member} (the tenant's member, or null) and
 * {@code signedInName} (a member's or an operator's name, or null for a visitor).
 */
@ControllerAdvice
class SignedInModel {

    private final CurrentMember currentMember;

    SignedInModel(CurrentMember currentMember) {
        this.currentMember = currentMember;
    }

    @ModelAttribute("member")
    SignedInMember member() {
        return currentMember.find().orElse(null);
    }

    @ModelAttribute("signedInName")
    String signedInName(Authentication authentication) {
        var member = currentMember.find();
        if (member.isPresent()) {
            return member.get().displayName();
        }
        if (authentication instanceof OAuth2AuthenticationToken token
                && token.getPrincipal() instanceof TandemUser user) {
            return user.displayName();
        }
        return null;
    }
}
