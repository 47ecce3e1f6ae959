package app.tandem.mentoring.matching;

/** A mentee that a bulk match left without a mentor, and why. */
public record UnmatchedMentee(Participant mentee, Reason reason) {

    /** Why a mentee is left without a mentor. */
    public enum Reason {
        /** Every pair with a mentor who has free places is filtered out. */
        NO_ALLOWED_MENTOR,
        /** Allowed mentors exist, but their places went to other mentees (a better total that way). */
        ALL_ALLOWED_MENTORS_FULL
    }
}
