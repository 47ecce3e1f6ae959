package app.tandem.mentoring.matching;

import java.util.Objects;

/**
 * A registration question as matching sees it.
 *
 * @param id the question's id, the key of {@link Participant#answers()}
 * @param role who answers it
 * @param kind how it is answered
 */
public record Question(String id, Role role, QuestionKind kind) {

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
    }
}
