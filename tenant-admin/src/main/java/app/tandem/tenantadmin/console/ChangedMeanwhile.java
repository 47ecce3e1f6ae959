package app.tandem.tenantadmin.console;

import app.tandem.core.web.DomainException;

/**
 * Someone else changed the tenant between the operator's reading and writing it (another operator, or the deletion
 * job holding it); nothing was changed by this request.
 */
class ChangedMeanwhile extends DomainException {

    ChangedMeanwhile() {
        super(
                Kind.CONFLICT,
                "changed-meanwhile",
                "The organization was changed by someone else at the same moment; nothing was changed. Reload it and"
                        + " try again.");
    }
}
