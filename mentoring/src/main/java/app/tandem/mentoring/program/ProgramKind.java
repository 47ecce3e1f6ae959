package app.tandem.mentoring.program;

import org.springframework.modulith.NamedInterface;

/** How mentoring happens in a program. */
@NamedInterface("program-settings")
public enum ProgramKind {
    /** One mentor, one mentee per match; a mentor may have several matches up to their capacity. */
    ONE_TO_ONE,
    /** A mentor leads a group of mentees, up to the program's maximum group size. */
    GROUP,
    /** One-off sessions: short matches that end after a conversation. */
    FLASH
}
