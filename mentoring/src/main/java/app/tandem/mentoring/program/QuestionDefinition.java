package app.tandem.mentoring.program;

import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.Role;
import java.util.List;

/**
 * What an admin writes for a registration question. {@code options} for choice questions; {@code importance} when
 * the question feeds matching (null: it does not); {@code numberRange} for number questions that feed matching
 * (answers this far apart score 0).
 */
public record QuestionDefinition(
        Role role,
        QuestionKind kind,
        String label,
        String help,
        List<String> options,
        boolean required,
        Importance importance,
        Double numberRange) {

    public QuestionDefinition {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
