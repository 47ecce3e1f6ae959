package app.tandem.infra.mail;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev mailbox of local runs: an SMTP server on 127.0.0.1 that keeps every message it receives (for any recipient)
 * in memory, and a page at {@link #pageUrl()} that lists them, newest first, and shows each with its links clickable,
 * so that invitation and verification links can be followed without a real mail account.
 */
public final class LocalMailbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalMailbox.class);

    private final SmtpServer smtp;
    private final HttpServer http;

    private LocalMailbox(SmtpServer smtp, HttpServer http) {
        this.smtp = smtp;
        this.http = http;
    }

    /** Starts the SMTP server on {@code smtpPort} and the page on {@code httpPort} (0 for free ports). */
    public static LocalMailbox start(int smtpPort, int httpPort) {
        var smtp = SmtpServer.start(smtpPort);
        try {
            var http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 0);
            http.createContext("/", new MailboxPage(smtp::messages));
            http.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                var thread = new Thread(runnable, "dev-mailbox-page");
                thread.setDaemon(true);
                return thread;
            }));
            http.start();
            var mailbox = new LocalMailbox(smtp, http);
            log.info("Dev mailbox: SMTP on 127.0.0.1:{}, messages at {}", mailbox.smtpPort(), mailbox.pageUrl());
            return mailbox;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("Could not serve the dev mailbox page on port " + httpPort, e);
        }
    }

    public int smtpPort() {
        return smtp.port();
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    /** Where a browser sees the messages. */
    public URI pageUrl() {
        return URI.create("http://localhost:" + httpPort() + "/");
    }

    /** {@code spring.mail.host} and {@code spring.mail.port} of the SMTP server. */
    public Map<String, Object> asProperties() {
        return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", smtpPort());
    }

    @Override
    public void close() {
        http.stop(0);
        smtp.stop();
    }
}
