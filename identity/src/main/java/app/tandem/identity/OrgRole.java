package app.tandem.identity;

/**
 * A member's role in their organization. Each role includes the ones below it: an org admin may do what a coordinator
 * may, a coordinator what a member may. Mentor and mentee are not roles: they are how a member takes part in a
 * program.
 */
public enum OrgRole {
    /** Runs the organization's instance: members, roles, settings, billing, and everything a coordinator does. */
    ORG_ADMIN,
    /** Runs programs: set-up, participants, matching. */
    COORDINATOR,
    /** Takes part in programs. */
    MEMBER;

    /** Whether this role includes {@code other}. */
    public boolean includes(OrgRole other) {
        return ordinal() <= other.ordinal();
    }

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
