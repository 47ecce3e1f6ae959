package app.tandem.mentoring.program;

import org.springframework.modulith.NamedInterface;

/** Who makes matches in a program. */
@NamedInterface("program-settings")
public enum MatchingMode {
    /** Mentees request mentors from their suggestions; mentors accept or decline. */
    SELF,
    /** Coordinators match people by hand or by bulk auto-match. */
    ADMIN,
    /** Both of the above. */
    BOTH;

    public boolean allowsRequests() {
        return this != ADMIN;
    }

    public boolean allowsAdminMatching() {
        return this != SELF;
    }
}
