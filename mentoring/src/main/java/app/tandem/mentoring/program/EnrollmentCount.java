package app.tandem.mentoring.program;

import app.tandem.mentoring.matching.Role;
import java.util.UUID;

/** How many people take part (active or paused) in a program in one role. */
record EnrollmentCount(UUID programId, Role role, long count) {}
