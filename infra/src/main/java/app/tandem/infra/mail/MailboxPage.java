package app.tandem.infra.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The dev mailbox's pages: {@code /} lists the messages, newest first; {@code /messages/N} shows message N (1 is the
 * oldest) with the links of its text clickable; {@code /messages/N/html} shows its HTML part as sent, sandboxed so
 * that no script in it runs. Everything taken from a message is HTML-escaped on the first two.
 */
final class MailboxPage implements HttpHandler {

    private static final Pattern MESSAGE = Pattern.compile("/messages/([1-9][0-9]{0,8})(/html)?");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Supplier<List<ReceivedMail>> messages;

    MailboxPage(Supplier<List<ReceivedMail>> messages) {
        this.messages = messages;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "text/plain", "Only GET");
                return;
            }
            var path = exchange.getRequestURI().getPath();
            var all = messages.get();
            if (path.equals("/")) {
                respond(exchange, 200, "text/html", list(all));
                return;
            }
            var matcher = MESSAGE.matcher(path);
            int number = matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
            if (number < 1 || number > all.size()) {
                respond(
                        exchange,
                        404,
                        "text/html",
                        page("Not found", "<p>No such message. <a href=\"/\">All messages</a></p>"));
                return;
            }
            var mail = all.get(number - 1);
            if (matcher.group(2) == null) {
                respond(exchange, 200, "text/html", message(number, mail));
            } else if (mail.html() != null) {
                // The message's own HTML, as a mail client would show it: no scripts, no forms, links open on top.
                exchange.getResponseHeaders()
                        .add("Content-Security-Policy", "sandbox allow-popups allow-top-navigation-by-user-activation");
                respond(exchange, 200, "text/html", mail.html());
            } else {
                respond(exchange, 404, "text/html", page("Not found", "<p>This message has no HTML part.</p>"));
            }
        }
    }

    private static String list(List<ReceivedMail> all) {
        var rows = new StringBuilder();
        for (int number = all.size(); number >= 1; number--) {
            var mail = all.get(number - 1);
            rows.append("<tr><td>")
                    .append(escape(TIME.format(mail.received())))
                    .append("</td><td>")
                    .append(escape(mail.to()))
                    .append("</td><td><a href=\"/messages/")
                    .append(number)
                    .append("\">")
                    .append(escape(mail.subject() == null ? "(no subject)" : mail.subject()))
                    .append("</a></td></tr>\n");
        }
        var body = all.isEmpty()
                ? "<p>No messages yet. Mail sent to this server shows up here; reload the page.</p>"
                : "<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>\n" + rows
                        + "</tbody></table>";
        return page("Dev mailbox (" + all.size() + ")", body);
    }

    private static String message(int number, ReceivedMail mail) {
        var body = new StringBuilder("<p><a href=\"/\">All messages</a></p><dl>")
                .append("<dt>Received</dt><dd>")
                .append(escape(TIME.format(mail.received())))
                .append("</dd><dt>From</dt><dd>")
                .append(escape(mail.from()))
                .append("</dd><dt>To</dt><dd>")
                .append(escape(mail.to()))
                .append("</dd><dt>Subject</dt><dd>")
                .append(escape(String.valueOf(mail.subject())))
                .append("</dd></dl>");
        if (mail.html() != null) {
            body.append("<p><a href=\"/messages/").append(number).append("/html\">HTML version</a></p>");
        }
        var text = mail.text() != null ? mail.text() : mail.html() != null ? mail.html() : "";
        body.append("<pre>").append(linkify(text)).append("</pre>");
        return page(mail.subject() == null ? "(no subject)" : mail.subject(), body.toString());
    }

    /** The text, HTML-escaped, with each http(s) URL in it as a link. */
    static String linkify(String text) {
        var out = new StringBuilder();
        var matcher = ReceivedMail.urlPattern().matcher(text);
        int done = 0;
        while (matcher.find()) {
            var link = ReceivedMail.trimLink(matcher.group());
            out.append(escape(text.substring(done, matcher.start())));
            out.append("<a href=\"")
                    .append(escape(link))
                    .append("\">")
                    .append(escape(link))
                    .append("</a>");
            done = matcher.start() + link.length();
        }
        return out.append(escape(text.substring(done))).toString();
    }

    static String escape(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%1$s</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 2rem; }
                table { border-collapse: collapse; } td, th { padding: .3rem .8rem; text-align: left; border-bottom: 1px solid #ddd; }
                pre { white-space: pre-wrap; background: #f6f6f6; padding: 1rem; }
                dt { font-weight: bold; } dd { margin: 0 0 .5rem 0; }
                </style></head>
                <body><h1>%1$s</h1>
                %2$s
                </body></html>
                """.formatted(escape(title), body);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
