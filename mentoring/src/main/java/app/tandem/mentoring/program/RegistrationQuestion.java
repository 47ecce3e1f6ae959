package app.tandem.mentoring.program;

import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.Question;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.UUID;

/**
 * A question of a program's registration form, answered by mentors or by mentees. A question feeds matching when it
 * has an {@link #importance()} and a {@link #pairedQuestionId() paired question} on the other side, of the same kind;
 * the pairing is written on both questions.
 */
@Entity
@Table(name = "program_questions")
public class RegistrationQuestion {

    @Id
    private UUID id;

    @Column(name = "program_id", nullable = false)
    private UUID programId;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private QuestionKind kind;

    @Column(nullable = false, length = 300)
    private String label;

    @Column(nullable = false, length = 1000)
    private String help;

    @Column(nullable = false)
    private String[] options;

    @Column(nullable = false)
    private boolean required;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Importance importance;

    @Column(name = "paired_question_id")
    private UUID pairedQuestionId;

    @Column(name = "number_range")
    private Double numberRange;

    @Version
    private long version;

    protected RegistrationQuestion() {}

    public RegistrationQuestion(UUID programId, int position, QuestionDefinition definition) {
        this.id = UUID.randomUUID();
        this.programId = programId;
        this.position = position;
        apply(definition);
    }

    /** Takes a new definition (pairing aside); the caller checked it. */
    public void apply(QuestionDefinition definition) {
        this.role = definition.role();
        this.kind = definition.kind();
        this.label = definition.label();
        this.help = definition.help() == null ? "" : definition.help();
        this.options = definition.options().toArray(String[]::new);
        this.required = definition.required();
        this.importance = definition.importance();
        this.numberRange = definition.numberRange();
    }

    public void pairWith(UUID otherQuestionId) {
        this.pairedQuestionId = otherQuestionId;
    }

    public void unpair() {
        this.pairedQuestionId = null;
    }

    /** Takes the importance and number range of the pair it belongs to, so that both questions read the same. */
    void weighAs(RegistrationQuestion partner) {
        this.importance = partner.importance;
        this.numberRange = partner.numberRange;
    }

    public void moveTo(int position) {
        this.position = position;
    }

    /** The question as the matching engine sees it. */
    public Question asMatchingQuestion() {
        return new Question(id.toString(), role, kind);
    }

    public QuestionDefinition definition() {
        return new QuestionDefinition(role, kind, label, help, List.of(options), required, importance, numberRange);
    }

    public boolean feedsMatching() {
        return importance != null && pairedQuestionId != null && kind != QuestionKind.TEXT;
    }

    public UUID id() {
        return id;
    }

    public UUID programId() {
        return programId;
    }

    public int position() {
        return position;
    }

    public Role role() {
        return role;
    }

    public QuestionKind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    public List<String> options() {
        return List.of(options);
    }

    public boolean required() {
        return required;
    }

    public Importance importance() {
        return importance;
    }

    public UUID pairedQuestionId() {
        return pairedQuestionId;
    }

    public Double numberRange() {
        return numberRange;
    }
}
