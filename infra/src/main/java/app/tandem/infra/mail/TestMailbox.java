package app.tandem.infra.mail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * An SMTP server for tests (GreenMail on 127.0.0.1) that receives every message and lets the test read them. The
 * JVM's mailbox ({@link #get()}) listens on {@link #jvmPort()}, which is also where the test Keycloak's realm sends its
 * mail, so a test sees the application's and Keycloak's mail in one place. {@link #asProperties()} points an
 * application's {@code spring.mail.*} at it; see {@link TestMailboxInitializer}.
 */
public final class TestMailbox implements AutoCloseable {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static volatile Integer jvmPort;
    private static volatile TestMailbox instance;

    private final SmtpServer server;

    private TestMailbox(SmtpServer server) {
        this.server = server;
    }

    /**
     * The port of the JVM's mailbox, chosen (free) on first call without starting anything. The test Keycloak's realm
     * sends its mail there.
     */
    public static int jvmPort() {
        var port = jvmPort;
        if (port == null) {
            synchronized (TestMailbox.class) {
                port = jvmPort;
                if (port == null) {
                    port = SmtpServer.freePort();
                    jvmPort = port;
                }
            }
        }
        return port;
    }

    /** The JVM's mailbox on {@link #jvmPort()}, started on first call and never closed (it dies with the JVM). */
    public static TestMailbox get() {
        var current = instance;
        if (current == null) {
            synchronized (TestMailbox.class) {
                current = instance;
                if (current == null) {
                    current = new TestMailbox(SmtpServer.start(jvmPort()));
                    instance = current;
                }
            }
        }
        return current;
    }

    /** A mailbox of the caller's own, on {@code port} (0 for a free one); close it when done. */
    public static TestMailbox start(int port) {
        return new TestMailbox(SmtpServer.start(port));
    }

    public int port() {
        return server.port();
    }

    /** {@code spring.mail.host} and {@code spring.mail.port} of this mailbox. */
    public Map<String, Object> asProperties() {
        return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port());
    }

    /** Every message received, oldest first. */
    public List<ReceivedMail> messages() {
        return server.messages();
    }

    /** The messages to {@code address}, oldest first. */
    public List<ReceivedMail> messagesTo(String address) {
        return messages().stream().filter(mail -> mail.isTo(address)).toList();
    }

    /** Waits (up to 30 s) for the first message to {@code address}. */
    public ReceivedMail awaitMessageTo(String address) {
        return awaitMessage(mail -> mail.isTo(address), "a message to " + address);
    }

    /** Waits (up to 30 s) for the first message that {@code matches}. */
    public ReceivedMail awaitMessage(Predicate<ReceivedMail> matches, String description) {
        try {
            return Awaitility.await(description)
                    .atMost(DEFAULT_WAIT)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> messages().stream().filter(matches).findFirst(), Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("No " + description + " arrived in " + DEFAULT_WAIT.toSeconds() + " s", e);
        }
    }

    /** Forgets every message received so far. */
    public void clear() {
        server.clear();
    }

    /**
     * Stops listening, as an SMTP outage would: senders get "connection refused". It also forgets what it received.
     */
    public void stopListening() {
        server.stop();
    }

    /** Listens again on the same port after {@link #stopListening()}. */
    public void startListening() {
        server.restart();
    }

    public boolean isListening() {
        return server.isRunning();
    }

    @Override
    public void close() {
        if (this == instance) {
            throw new IllegalStateException("The JVM's mailbox stays open for the other tests");
        }
        server.stop();
    }
}
