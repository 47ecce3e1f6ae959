package app.tandem.core.mail;

import app.tandem.core.CoreProperties;
import jakarta.mail.MessagingException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends mail through the SMTP server of {@code spring.mail.*}, from {@code tandem.core.mail.from}. */
class SmtpMailer implements Mailer {

    private final JavaMailSender sender;
    private final String from;
    private final String fromName;
    private final String messageIdDomain;

    SmtpMailer(JavaMailSender sender, CoreProperties.Mail settings) {
        this.sender = sender;
        this.from = settings.from();
        this.fromName = settings.fromName();
        this.messageIdDomain = from.substring(from.indexOf('@') + 1);
    }

    @Override
    public void send(UUID id, Mail mail) {
        var message = sender.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, mail.html() != null, StandardCharsets.UTF_8.name());
            helper.setFrom(from, fromName);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            if (mail.html() == null) {
                helper.setText(mail.text());
            } else {
                helper.setText(mail.text(), mail.html());
            }
            // JavaMailSenderImpl keeps a Message-ID that was set explicitly.
            message.setHeader("Message-ID", "<" + id + "@" + messageIdDomain + ">");
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(message);
    }
}
