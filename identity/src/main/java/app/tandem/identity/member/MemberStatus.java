package app.tandem.identity.member;

/** Whether a member may use the organization's instance. */
public enum MemberStatus {
    ACTIVE,
    /** Refused everywhere (pages, API, sessions already open) until an org admin reactivates them. */
    DEACTIVATED
}
