package app.tandem.core.organization;

import app.tandem.core.web.DomainException;

/** A setting of the organization was refused; the message says why. */
public class InvalidOrganizationSettings extends DomainException {

    public InvalidOrganizationSettings(String message) {
        super(Kind.INVALID, "invalid-organization-settings", message);
    }
}
