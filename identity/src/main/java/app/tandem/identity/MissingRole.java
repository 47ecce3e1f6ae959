package app.tandem.identity;

import app.tandem.core.web.DomainException;
import java.util.Locale;

/** Thrown when the signed-in member's role does not include the one an operation needs. */
public class MissingRole extends DomainException {

    public MissingRole(OrgRole required) {
        super(
                Kind.FORBIDDEN,
                "role-required",
                "Only members with the role "
                        + required.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " (or a higher one) may do this.");
    }
}
