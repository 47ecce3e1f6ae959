/**
 * Transactional email for every module. A module renders a mail with {@link app.tandem.core.mail.MailTemplates}
 * (Thymeleaf text and HTML templates that always know the organization's name and address) and stores it with
 * {@link app.tandem.core.mail.Outbox#enqueue(app.tandem.core.mail.Mail)} in the same transaction as the change that
 * causes it, in the tenant's own {@code outbox} table. A scheduled job ({@code OutboxSender}) sends it through the
 * {@link app.tandem.core.mail.Mailer} (SMTP, {@code spring.mail.*}) with retries and backoff, cluster-safe, so that an
 * outage of the mail server loses nothing and no mail is sent twice except in the window its documentation names.
 */
@NamedInterface("mail")
package app.tandem.core.mail;

import org.springframework.modulith.NamedInterface;
