package app.tandem.mentoring.matching;

/** The side a participant (and the question they answer) is on. */
public enum Role {
    MENTOR,
    MENTEE
}
