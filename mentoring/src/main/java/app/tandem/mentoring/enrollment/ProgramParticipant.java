package app.tandem.mentoring.enrollment;

/** An enrollment with the name and email of the member behind it, for coordinators' lists. */
public record ProgramParticipant(Enrollment enrollment, String displayName, String email) {}
