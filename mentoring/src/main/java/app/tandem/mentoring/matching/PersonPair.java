package app.tandem.mentoring.matching;

/** A mentor person and a mentee person, as named in {@link Exclusions}. */
public record PersonPair(String mentorPersonId, String menteePersonId) {}
