package app.tandem.billing.operator;

import app.tandem.core.web.DomainException;

/** The account changed while the operator's change was being made; nothing of the operator's was kept. */
class ChangedMeanwhile extends DomainException {

    ChangedMeanwhile() {
        super(
                Kind.CONFLICT,
                "changed-meanwhile",
                "The organization's billing changed at the same moment; look at it again and repeat the change.");
    }
}
