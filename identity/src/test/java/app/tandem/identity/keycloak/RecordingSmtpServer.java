package app.tandem.identity.keycloak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Just enough SMTP (no auth, no TLS, as the test realm sends) to receive the realm's mail on its port and hand each
 * message to the test; the module has no GreenMail, and one message per test needs no more.
 */
final class RecordingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

    RecordingSmtpServer(int port) {
        try {
            socket = new ServerSocket(port, 5, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen for SMTP on port " + port, e);
        }
        var thread = new Thread(this::serve, "recording-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next message's headers and body, or null when none arrives in time. */
    String nextMessage(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
            var command = line.toUpperCase();
            if (command.startsWith("DATA")) {
                reply(out, "354 go ahead");
                var message = new StringBuilder();
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    message.append(line).append('\n');
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
