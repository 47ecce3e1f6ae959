/**
 * Programs and their registration questions: coordinators create a program, write the questions mentors and mentees
 * answer (pairing a mentor question with a mentee question of the same kind so that it feeds matching, with the
 * mentee question's importance), and take it through DRAFT, ENROLLING, RUNNING and CLOSED under guards that keep it
 * consistent. {@link app.tandem.mentoring.program.Programs} is the service other features use;
 * {@link app.tandem.mentoring.program.MatchingQuestions} turns a program's questions into what the matching engine
 * reads. Pages under {@code /admin/programs}, API under {@code /api/v1/programs}.
 */
package app.tandem.mentoring.program;
