package app.tandem.identity.member;

import app.tandem.core.web.DomainException;

/** Refuses a change that would leave the organization without an active org admin. */
public class LastOrgAdmin extends DomainException {

    LastOrgAdmin() {
        super(
                Kind.CONFLICT,
                "last-org-admin",
                "This is the organization's last active org admin. Make someone else an org admin first.");
    }
}
