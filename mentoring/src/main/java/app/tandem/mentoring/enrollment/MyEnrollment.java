package app.tandem.mentoring.enrollment;

import app.tandem.mentoring.program.Program;

/** One of the signed-in member's enrollments with its program, for their list of programs. */
public record MyEnrollment(Enrollment enrollment, Program program) {}
