package app.tandem.mentoring.match;

/** DRAFT (proposed by a bulk run, for an admin to review), ACTIVE (takes a mentor's place), ENDED (a past pair). */
public enum MatchStatus {
    DRAFT,
    ACTIVE,
    ENDED
}
