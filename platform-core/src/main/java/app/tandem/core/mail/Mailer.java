package app.tandem.core.mail;

import java.util.UUID;

/**
 * The mail server, as the outbox sees it. Only the outbox's sender calls it: everything else stores mail with
 * {@link Outbox#enqueue(Mail)}, so that it is sent if and only if the change that causes it commits.
 */
public interface Mailer {

    /**
     * Hands one mail to the mail server and returns once the server accepted it; throws if it did not.
     *
     * @param id the mail's outbox id; it becomes the message's {@code Message-ID}, so that a mail delivered twice
     *     (which a crash at the wrong moment can cause) can be recognised as the same message
     */
    void send(UUID id, Mail mail);
}
