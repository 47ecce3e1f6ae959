package app.tandem.identity.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough SMTP (no auth, no TLS, as the test realm sends) to receive the realm's mail on its port, {@link
 * app.tandem.infra.keycloak.TestKeycloak#smtpPort()}, and hand each message to the test. One server at a time can
 * listen there: open it for a test (or a test class) and close it after. While none listens, Keycloak cannot send.
 */
public final class RecordingSmtpServer implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");
    private static final Pattern QUOTED_OCTET = Pattern.compile("=([0-9A-Fa-f]{2})");

    private final ServerSocket socket;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

    public RecordingSmtpServer(int port) {
        try {
            // Reusable at once: the previous test's server may have closed just now, with a connection still open.
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen for SMTP on port " + port, e);
        }
        var thread = new Thread(this::serve, "recording-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next message's headers and body, or null when none arrives in time. */
    public String nextMessage(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The next message to {@code email} (other messages are dropped), with quoted-printable text decoded, or null when
     * none arrives in time.
     */
    public String nextMessageTo(String email, Duration timeout) throws InterruptedException {
        var deadline = Instant.now().plus(timeout);
        var to = Pattern.compile(
                "^to:.*" + Pattern.quote(email.toLowerCase(Locale.ROOT)), Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
        while (Instant.now().isBefore(deadline)) {
            var message = messages.poll(
                    Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            if (message != null && to.matcher(message).find()) {
                return decoded(message);
            }
        }
        return null;
    }

    /** The first link in {@code message} that contains {@code part}, with HTML's {@code &amp;} turned back. */
    public static Optional<String> link(String message, String part) {
        Matcher links = LINK.matcher(message);
        while (links.find()) {
            var link = links.group().replace("&amp;", "&");
            if (link.contains(part)) {
                return Optional.of(link);
            }
        }
        return Optional.empty();
    }

    /** Undoes quoted-printable's soft line breaks and escaped octets (enough for the ASCII of links). */
    static String decoded(String message) {
        if (!message.toLowerCase(Locale.ROOT).contains("quoted-printable")) {
            return message;
        }
        var unfolded = message.replace("=\r\n", "").replace("=\n", "");
        var octets = QUOTED_OCTET.matcher(unfolded);
        var text = new StringBuilder();
        while (octets.find()) {
            octets.appendReplacement(
                    text, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(octets.group(1), 16))));
        }
        octets.appendTail(text);
        return text.toString();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException closedOrBroken) {
                // closed by close(), or a client that went away: wait for the next one while open
            }
        }
    }

    private void converse(Socket client) throws IOException {
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
        reply(out, "220 localhost");
        String line;
        while ((line = in.readLine()) != null) {
            var command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("DATA")) {
                reply(out, "354 go ahead");
                var message = new StringBuilder();
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // SMTP doubles a leading dot (RFC 5321, 4.5.2).
                    message.append(line.startsWith("..") ? line.substring(1) : line)
                            .append('\n');
                }
                messages.add(message.toString());
                reply(out, "250 queued");
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "250 ok");
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
