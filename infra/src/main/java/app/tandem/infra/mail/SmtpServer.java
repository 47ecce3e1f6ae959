package app.tandem.infra.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * GreenMail as an SMTP server on 127.0.0.1 that accepts every message for every recipient (no authentication, no TLS)
 * and keeps them in memory. It can stop listening and listen again on the same port, keeping what it received.
 */
final class SmtpServer {

    private final GreenMail greenMail;
    private final int port;

    private SmtpServer(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    /** Starts listening on {@code port}, or on a free port for 0. */
    static SmtpServer start(int port) {
        int chosen = port == 0 ? freePort() : port;
        var setup = new ServerSetup(chosen, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        var greenMail = new GreenMail(setup);
        greenMail.start();
        return new SmtpServer(greenMail, chosen);
    }

    static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port", e);
        }
    }

    int port() {
        return port;
    }

    boolean isRunning() {
        return greenMail.isRunning();
    }

    synchronized void stop() {
        if (greenMail.isRunning()) {
            greenMail.stop();
        }
    }

    synchronized void restart() {
        if (!greenMail.isRunning()) {
            greenMail.start();
        }
    }

    /** Every message received so far, oldest first (ties in arrival time broken by Message-ID, for a stable order). */
    List<ReceivedMail> messages() {
        return Arrays.stream(greenMail.getReceivedMessages())
                .map(ReceivedMail::of)
                .sorted(Comparator.comparing(ReceivedMail::received)
                        .thenComparing(mail -> String.valueOf(mail.messageId())))
                .toList();
    }

    void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("Could not clear the mailbox", e);
        }
    }
}
