package app.tandem.tenantadmin.invitation;

/** Where an invitation stands; a PENDING one past its expiry is shown as expired. */
public enum InvitationStatus {
    PENDING,
    ACCEPTED,
    REVOKED
}
