package app.tandem.core.mail;

import app.tandem.core.context.NoTenantInScope;
import app.tandem.core.context.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of the tenant in scope: where modules put the mail that a change of theirs causes. The mail is a row in
 * the tenant's schema, written in the same transaction as the change, so it exists if and only if the change commits;
 * {@link OutboxSender} sends it later, retrying while the mail server is unreachable.
 */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock, Environment environment) {
        this.jdbc = jdbc;
        this.clock = clock;
        if (!environment.containsProperty("spring.mail.host")) {
            log.info("spring.mail.host is not set: mail is kept in the tenants' outboxes and sent once it is");
        }
    }

    /**
     * Stores {@code mail} in the outbox of the tenant in scope, in the caller's transaction (or, without one, in a
     * transaction of its own): if that transaction rolls back, the mail is never sent.
     *
     * @return the mail's id, which is also its {@code Message-ID}
     * @throws NoTenantInScope when no tenant is in scope
     */
    @Transactional
    public UUID enqueue(Mail mail) {
        var tenant = TenantContext.require();
        var id = UUID.randomUUID();
        var now = Timestamp.from(clock.instant());
        // The schema comes from the session of the transaction. A transaction begun for another tenant (a scope opened
        // inside it) would put the mail in that tenant's outbox, so the insert says which schema it wrote to.
        var schema = jdbc.sql("""
                        insert into outbox (id, recipient, subject, text_body, html_body, next_attempt_at, created_at)
                        values (:id, :recipient, :subject, :text, :html, :now, :now)
                        returning current_schema()
                        """)
                .param("id", id)
                .param("recipient", mail.to())
                .param("subject", mail.subject())
                .param("text", mail.text())
                .param("html", mail.html())
                .param("now", now)
                .query(String.class)
                .single();
        if (!tenant.schemaName().equals(schema)) {
            throw new IllegalStateException(
                    "The transaction works in schema " + schema + ", not in that of tenant " + tenant);
        }
        return id;
    }
}
