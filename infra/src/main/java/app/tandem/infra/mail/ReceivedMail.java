package app.tandem.infra.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A message that a dev or test SMTP server received, read into plain values.
 *
 * @param messageId the {@code Message-ID} header, or {@code null}
 * @param received when the server received it
 * @param from the {@code From} addresses, comma-separated
 * @param to the recipients, as the server saw them
 * @param subject the subject
 * @param text the {@code text/plain} part, or {@code null}
 * @param html the {@code text/html} part, or {@code null}
 */
public record ReceivedMail(
        String messageId, Instant received, String from, String to, String subject, String text, String html) {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

    /** Reads a received message; GreenMail's messages know when they arrived, others count as received now. */
    public static ReceivedMail of(MimeMessage message) {
        try {
            var received = message.getReceivedDate();
            var parts = new String[2];
            collect(message, parts);
            return new ReceivedMail(
                    message.getMessageID(),
                    received == null ? Instant.now() : received.toInstant(),
                    join(message.getFrom()),
                    join(message.getAllRecipients()),
                    message.getSubject(),
                    parts[0],
                    parts[1]);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read a received message", e);
        }
    }

    private static void collect(Part part, String[] textAndHtml) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && textAndHtml[0] == null) {
            textAndHtml[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html") && textAndHtml[1] == null) {
            textAndHtml[1] = (String) part.getContent();
        } else if (part.isMimeType("multipart/*")) {
            var multipart = (MimeMultipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), textAndHtml);
            }
        }
    }

    private static String join(Address[] addresses) {
        return addresses == null
                ? ""
                : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    /** The {@code http(s)} links in the text part (or, without one, the HTML part), in order. */
    public List<String> links() {
        var body = text != null ? text : html == null ? "" : html;
        return URL.matcher(body).results().map(match -> trimLink(match.group())).toList();
    }

    /** A link as it stands in running text, without the punctuation that ends the sentence around it. */
    static String trimLink(String link) {
        int end = link.length();
        while (end > 0 && ".,;:!?)]".indexOf(link.charAt(end - 1)) >= 0) {
            end--;
        }
        return link.substring(0, end);
    }

    /** Whether {@code address} is among the recipients. */
    public boolean isTo(String address) {
        return Arrays.stream(to.split(",")).map(String::strip).anyMatch(address::equalsIgnoreCase);
    }

    static Pattern urlPattern() {
        return URL;
    }
}
