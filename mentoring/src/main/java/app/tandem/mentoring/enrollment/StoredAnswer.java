package app.tandem.mentoring.enrollment;

import app.tandem.mentoring.matching.Answer;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;

/** An answer to a registration question as it is stored: chosen options, a number, or text. */
@Embeddable
class StoredAnswer {

    @Column(nullable = false)
    private String[] options;

    @Column(name = "number_value")
    private Double number;

    @Column(name = "text_value", length = 4000)
    private String text;

    protected StoredAnswer() {}

    public StoredAnswer(Answer answer) {
        this.options = answer.options().toArray(String[]::new);
        this.number = answer.number();
        this.text = answer.text();
    }

    public Answer answer() {
        return new Answer(List.of(options), number, text);
    }
}
