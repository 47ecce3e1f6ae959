package app.tandem.core.mail;

/**
 * One message to one recipient: a subject line, a plain-text body and, optionally, an HTML version of the same
 * content. It checks itself when made and throws {@link InvalidMail} with a specific message.
 *
 * @param to the recipient's address, a bare {@code local@domain} without a display name
 * @param subject one line of at most {@value #MAX_SUBJECT_LENGTH} characters
 * @param text the plain-text body, which every mail has
 * @param html the HTML body, or {@code null} for a text-only mail
 */
public record Mail(String to, String subject, String text, String html) {

    /** The longest address SMTP allows (RFC 5321: 64 for the local part, 255 for the domain, and the @). */
    public static final int MAX_ADDRESS_LENGTH = EmailAddresses.MAX_LENGTH;

    public static final int MAX_SUBJECT_LENGTH = 500;

    public Mail {
        to = to == null ? "" : to.strip();
        if (to.isEmpty()) {
            throw new InvalidMail("A mail needs a recipient address.");
        }
        if (!EmailAddresses.isValid(to)) {
            throw new InvalidMail("Not an email address: \"" + abbreviate(to) + "\".");
        }
        subject = subject == null ? "" : subject.strip();
        if (subject.isEmpty()) {
            throw new InvalidMail("A mail needs a subject.");
        }
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            throw new InvalidMail("A mail's subject is one line.");
        }
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            throw new InvalidMail("A mail's subject is at most " + MAX_SUBJECT_LENGTH + " characters long.");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidMail("A mail needs a text body.");
        }
        if (html != null && html.isBlank()) {
            html = null;
        }
    }

    /** A text-only mail. */
    public static Mail of(String to, String subject, String text) {
        return new Mail(to, subject, text, null);
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
