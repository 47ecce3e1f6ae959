package app.tandem.mentoring.program;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A mentoring program of the organization in scope: its settings and where it is in its life. */
@Entity
@Table(name = "programs")
public class Program {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 4000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProgramKind kind;

    @Column(name = "max_group_size")
    private Integer maxGroupSize;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProgramStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "matching_mode", nullable = false, length = 8)
    private MatchingMode matchingMode;

    @Column(name = "default_mentor_capacity", nullable = false)
    private int defaultMentorCapacity;

    @Column(name = "pending_request_cap", nullable = false)
    private int pendingRequestCap;

    @Column(name = "request_expiry_days", nullable = false)
    private int requestExpiryDays;

    @Column(name = "created_by", nullable = false, length = 200)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Program() {}

    /** A new program in DRAFT; {@code settings} must have been checked by the caller. */
    public Program(ProgramSettings settings, String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.status = ProgramStatus.DRAFT;
        this.createdBy = createdBy;
        this.createdAt = now;
        apply(settings, now);
    }

    /** Takes new settings; {@code settings} must have been checked by the caller. */
    public void apply(ProgramSettings settings, Instant now) {
        this.name = settings.name();
        this.description = settings.description() == null ? "" : settings.description();
        this.kind = settings.kind();
        this.maxGroupSize = settings.kind() == ProgramKind.GROUP ? settings.maxGroupSize() : null;
        this.startsOn = settings.startsOn();
        this.endsOn = settings.endsOn();
        this.matchingMode = settings.matchingMode();
        this.defaultMentorCapacity = settings.defaultMentorCapacity();
        this.pendingRequestCap = settings.pendingRequestCap();
        this.requestExpiryDays = settings.requestExpiryDays();
        this.updatedAt = now;
    }

    /** Moves to {@code target}; the caller checked {@link ProgramStatus#canMoveTo}. */
    public void moveTo(ProgramStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalStateException("A program cannot go from " + status + " to " + target);
        }
        this.status = target;
        this.updatedAt = now;
    }

    public ProgramSettings settings() {
        return new ProgramSettings(
                name,
                description,
                kind,
                maxGroupSize,
                startsOn,
                endsOn,
                matchingMode,
                defaultMentorCapacity,
                pendingRequestCap,
                requestExpiryDays);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public ProgramKind kind() {
        return kind;
    }

    public Integer maxGroupSize() {
        return maxGroupSize;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public ProgramStatus status() {
        return status;
    }

    public MatchingMode matchingMode() {
        return matchingMode;
    }

    public int defaultMentorCapacity() {
        return defaultMentorCapacity;
    }

    public int pendingRequestCap() {
        return pendingRequestCap;
    }

    public int requestExpiryDays() {
        return requestExpiryDays;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
