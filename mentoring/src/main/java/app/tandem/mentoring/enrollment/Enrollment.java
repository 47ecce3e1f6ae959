package app.tandem.mentoring.enrollment;

import app.tandem.mentoring.matching.Answer;
import app.tandem.mentoring.matching.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A member taking part in a program as a mentor or a mentee, with their answers to the program's questions and, for
 * a mentor, how many mentees (or, in a group program, group members) they take.
 */
@Entity
@Table(name = "enrollments")
public class Enrollment {

    @Id
    private UUID id;

    @Column(name = "program_id", nullable = false)
    private UUID programId;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EnrollmentStatus status;

    private Integer capacity;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "enrollment_answers", joinColumns = @JoinColumn(name = "enrollment_id"))
    @MapKeyColumn(name = "question_id")
    private Map<UUID, StoredAnswer> answers = new HashMap<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Version
    private long version;

    protected Enrollment() {}

    /** A new, active enrollment; {@code capacity} for mentors only, checked by the caller like the answers. */
    public Enrollment(
            UUID programId, UUID memberId, Role role, Integer capacity, Map<UUID, Answer> answers, Instant now) {
        this.id = UUID.randomUUID();
        this.programId = programId;
        this.memberId = memberId;
        this.role = role;
        this.status = EnrollmentStatus.ACTIVE;
        this.capacity = role == Role.MENTOR ? capacity : null;
        this.createdAt = now;
        answer(answers, now);
    }

    /** Replaces all answers; the caller checked them against the program's questions. */
    public void answer(Map<UUID, Answer> newAnswers, Instant now) {
        answers.clear();
        newAnswers.forEach((question, answer) -> answers.put(question, new StoredAnswer(answer)));
        this.updatedAt = now;
    }

    public void changeCapacity(int capacity, Instant now) {
        if (role != Role.MENTOR) {
            throw new IllegalStateException("Only mentors have a capacity");
        }
        this.capacity = capacity;
        this.updatedAt = now;
    }

    public void pause(Instant now) {
        requireTakingPart();
        this.status = EnrollmentStatus.PAUSED;
        this.updatedAt = now;
    }

    public void resume(Instant now) {
        requireTakingPart();
        this.status = EnrollmentStatus.ACTIVE;
        this.updatedAt = now;
    }

    public void withdraw(Instant now) {
        requireTakingPart();
        this.status = EnrollmentStatus.WITHDRAWN;
        this.withdrawnAt = now;
        this.updatedAt = now;
    }

    private void requireTakingPart() {
        if (status == EnrollmentStatus.WITHDRAWN) {
            throw new IllegalStateException("This enrollment was withdrawn");
        }
    }

    /** Whether the member can be matched now: taking part and not paused. */
    public boolean available() {
        return status == EnrollmentStatus.ACTIVE;
    }

    public boolean takingPart() {
        return status != EnrollmentStatus.WITHDRAWN;
    }

    /** The answers keyed by question id as the matching engine reads them. */
    public Map<String, Answer> matchingAnswers() {
        var result = new LinkedHashMap<String, Answer>();
        answers.forEach((question, stored) -> result.put(question.toString(), stored.answer()));
        return result;
    }

    public Map<UUID, Answer> answers() {
        var result = new LinkedHashMap<UUID, Answer>();
        answers.forEach((question, stored) -> result.put(question, stored.answer()));
        return result;
    }

    public UUID id() {
        return id;
    }

    public UUID programId() {
        return programId;
    }

    public UUID memberId() {
        return memberId;
    }

    public Role role() {
        return role;
    }

    public EnrollmentStatus status() {
        return status;
    }

    /** How many mentees a mentor takes; {@code null} for a mentee. */
    public Integer capacity() {
        return capacity;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }
}
