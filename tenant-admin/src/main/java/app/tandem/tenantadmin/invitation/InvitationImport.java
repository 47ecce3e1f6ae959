package app.tandem.tenantadmin.invitation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A bulk import of invitations and how far it got; any node can show its progress. */
@Entity
@Table(name = "invitation_imports")
public class InvitationImport {

    public enum Status {
        RUNNING,
        FINISHED,
        FAILED
    }

    @Id
    private UUID id;

    @Column(nullable = false)
    private int total;

    @Column(nullable = false)
    private int done;

    @Column(nullable = false)
    private int skipped;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(length = 1000)
    private String error;

    @Column(name = "started_by", nullable = false, length = 200)
    private String startedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected InvitationImport() {}

    InvitationImport(int total, String startedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.total = total;
        this.status = Status.RUNNING;
        this.startedBy = startedBy;
        this.startedAt = now;
    }

    void progressed(int invited, int skippedNow) {
        this.done += invited;
        this.skipped += skippedNow;
    }

    void finish(Instant now) {
        this.status = Status.FINISHED;
        this.finishedAt = now;
    }

    void fail(String error, Instant now) {
        this.status = Status.FAILED;
        this.error = error.length() > 1000 ? error.substring(0, 1000) : error;
        this.finishedAt = now;
    }

    public UUID id() {
        return id;
    }

    public int total() {
        return total;
    }

    public int done() {
        return done;
    }

    public int skipped() {
        return skipped;
    }

    /** Rows handled so far, invited or skipped, in percent of the total. */
    public int percent() {
        return total == 0 ? 100 : (int) ((done + skipped) * 100L / total);
    }

    public Status status() {
        return status;
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    public String error() {
        return error;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
