package app.tandem.identity;

import app.tandem.core.audit.Actor;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is signed in on this request, for the other modules: the member of the request's tenant, resolved and checked
 * (active, bound to this tenant) by identity's security filter before any controller runs. Outside a request, or for
 * an anonymous visitor or a platform operator, there is none.
 */
@Component
public class CurrentMember {

    /** Where identity's security filter leaves the member of the request; nothing else writes it. */
    public static final String REQUEST_ATTRIBUTE = SignedInMember.class.getName();

    /** The signed-in member, if any. */
    public Optional<SignedInMember> find() {
        var attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null
                ? Optional.empty()
                : Optional.ofNullable(
                        (SignedInMember) attributes.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /** The signed-in member; throws {@link NotSignedIn} when there is none. */
    public SignedInMember require() {
        return find().orElseThrow(NotSignedIn::new);
    }

    /** Who acts, for the audit trail: the signed-in member, or the platform itself (jobs, demo data, provisioning). */
    public Actor asActor() {
        return find().map(member -> new Actor(member.id().toString(), member.displayName()))
                .orElse(Actor.SYSTEM);
    }

    /** The signed-in member if their role includes {@code role}; throws otherwise. */
    public SignedInMember require(OrgRole role) {
        var member = require();
        if (!member.has(role)) {
            throw new MissingRole(role);
        }
        return member;
    }
}
