package app.tandem.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.tandem.infra.Ports;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LocalMailboxIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void showsWhatItReceivedOverSmtpWithTheLinksClickable() throws Exception {
        int smtpPort;
        int httpPort;
        try (var mailbox = LocalMailbox.start(0, 0)) {
            smtpPort = mailbox.smtpPort();
            httpPort = mailbox.httpPort();
            send(
                    mailbox.smtpPort(),
                    "ann@acme.example",
                    "Join <Acme> on Tandem",
                    "Accept your invitation: http://acme.localhost:8080/invitations/abc?x=1&y=2.\nSee you!",
                    "<p><a href=\"http://acme.localhost:8080/invitations/abc\">Accept</a></p>");
            send(mailbox.smtpPort(), "bo@acme.example", "Second message", "No link here", null);

            var list = get(mailbox.pageUrl());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body())
                    .contains("Dev mailbox (2)")
                    .contains("ann@acme.example")
                    .contains("<a href=\"/messages/1\">Join &lt;Acme&gt; on Tandem</a>")
                    .doesNotContain("<Acme>");
            assertThat(list.body().indexOf("Second message"))
                    .as("newest first")
                    .isLessThan(list.body().indexOf("Join &lt;Acme&gt;"));

            var message = get(mailbox.pageUrl().resolve("/messages/1"));
            assertThat(message.statusCode()).isEqualTo(200);
            assertThat(message.body())
                    .contains("<a href=\"http://acme.localhost:8080/invitations/abc?x=1&amp;y=2\">"
                            + "http://acme.localhost:8080/invitations/abc?x=1&amp;y=2</a>.")
                    .contains("<a href=\"/messages/1/html\">HTML version</a>");

            var html = get(mailbox.pageUrl().resolve("/messages/1/html"));
            assertThat(html.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(policy -> assertThat(policy).startsWith("sandbox"));
            assertThat(html.body()).contains("<a href=\"http://acme.localhost:8080/invitations/abc\">Accept</a>");

            assertThat(get(mailbox.pageUrl().resolve("/messages/3")).statusCode())
                    .isEqualTo(404);
        }

        assertThat(Ports.answers(smtpPort)).isFalse();
        assertThat(Ports.answers(httpPort)).isFalse();
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void send(int port, String to, String subject, String text, String html) throws Exception {
        var properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        var message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("no-reply@tandem.localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            var textPart = new MimeBodyPart();
            textPart.setText(text, "UTF-8");
            var htmlPart = new MimeBodyPart();
            htmlPart.setContent(html, "text/html; charset=UTF-8");
            message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
        }
        Transport.send(message);
    }
}
