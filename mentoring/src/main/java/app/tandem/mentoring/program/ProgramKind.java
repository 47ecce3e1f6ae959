package app.tandem.mentoring.program;

/** How mentoring happens in a program. */
public enum ProgramKind {
    /** One mentor, one mentee per match; a mentor may have several matches up to their capacity. */
    ONE_TO_ONE,
    /** A mentor leads a group of mentees, up to the program's maximum group size. */
    GROUP,
    /** One-off sessions: short matches that end after a conversation. */
    FLASH
}
