/**
 * SMTP dev service (GreenMail). {@link app.tandem.infra.mail.LocalMailbox} is the dev mailbox of local runs: an SMTP
 * server and a page that lists what it received with the links clickable. {@link app.tandem.infra.mail.TestMailbox}
 * is the SMTP server of tests, one per JVM on the port where the test Keycloak also sends its mail, with ways to wait
 * for and read messages; {@link app.tandem.infra.mail.TestMailboxInitializer} points a test context at it.
 */
package app.tandem.infra.mail;
