package app.tandem.mentoring.match;

/** How a match came about: a mentee's request the mentor accepted, an admin's manual match, or a bulk auto-match. */
public enum MatchOrigin {
    REQUEST,
    MANUAL,
    BULK
}
