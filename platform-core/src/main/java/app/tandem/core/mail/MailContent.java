package app.tandem.core.mail;

/**
 * What {@link MailTemplates} renders: a mail without its recipient yet.
 *
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body, or {@code null} when the template has no HTML version
 */
public record MailContent(String subject, String text, String html) {

    /** The mail of this content to {@code recipient}; throws {@link InvalidMail} if it is not a valid address. */
    public Mail to(String recipient) {
        return new Mail(recipient, subject, text, html);
    }
}
