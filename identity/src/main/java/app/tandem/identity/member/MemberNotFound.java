package app.tandem.identity.member;

import app.tandem.core.web.DomainException;
import java.util.UUID;

/** No member with this id in the organization in scope (ids of other organizations are never found). */
public class MemberNotFound extends DomainException {

    MemberNotFound(UUID id) {
        super(Kind.NOT_FOUND, "member-not-found", "This organization has no member " + id + ".");
    }
}
