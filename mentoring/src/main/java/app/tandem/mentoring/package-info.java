/**
 * Mentoring: programs, profiles, enrollment, the matching engine, relationships, engagement automation, surveys
 * and program reports.
 *
 * <p>What other modules may use, checked by Spring Modulith: this package ({@link app.tandem.mentoring.SeatAllowance},
 * the port billing implements; {@link app.tandem.mentoring.ProgramCatalog}; {@link app.tandem.mentoring.ProgramSeeding}
 * for demo data and imports), the matching engine's values ({@code matching}), a program's settings
 * ({@code program-settings}) and the domain events ({@code events}: {@code ProgramOpened}, {@code ProgramClosed},
 * {@code EnrollmentStarted}, {@code EnrollmentPaused}, {@code EnrollmentResumed}, {@code EnrollmentWithdrawn},
 * {@code MatchActivated}, {@code MatchEnded}), published in the transaction that makes the change. Entities,
 * repositories and the services behind the pages stay inside.
 */
package app.tandem.mentoring;
