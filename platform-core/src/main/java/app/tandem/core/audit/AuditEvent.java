package app.tandem.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of a tenant's audit trail; immutable once written. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    private UUID id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor_id", nullable = false, length = 64)
    private String actorId;

    @Column(name = "actor_name", nullable = false, length = 200)
    private String actorName;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(nullable = false, length = 320)
    private String subject;

    @Column(nullable = false, length = 2000)
    private String details;

    protected AuditEvent() {}

    AuditEvent(Actor actor, String action, String subject, String details, Instant now) {
        this.id = UUID.randomUUID();
        this.occurredAt = now;
        this.actorId = actor.id();
        this.actorName = actor.name();
        this.action = action;
        this.subject = subject;
        this.details = details.length() > 2000 ? details.substring(0, 1997) + "..." : details;
    }

    public UUID id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actorId() {
        return actorId;
    }

    public String actorName() {
        return actorName;
    }

    public String action() {
        return action;
    }

    public String subject() {
        return subject;
    }

    public String details() {
        return details;
    }
}
