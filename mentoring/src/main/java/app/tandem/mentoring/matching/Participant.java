package app.tandem.mentoring.matching;

import java.util.Map;
import java.util.Objects;

/**
 * Someone enrolled in a program on one side.
 *
 * @param id the enrollment's id
 * @param personId the person behind it, for the same-person and past-pair exclusions
 * @param role mentor or mentee
 * @param answers answers by question id; unanswered questions are simply absent
 * @param freePlaces for a mentor, how many more mentees they can take (capacity minus current matches); ignored
 *     for a mentee
 */
public record Participant(String id, String personId, Role role, Map<String, Answer> answers, int freePlaces) {

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(role, "role");
        answers = Map.copyOf(answers);
        if (freePlaces < 0) {
            throw new IllegalArgumentException("Free places cannot be negative");
        }
    }

    public static Participant mentor(String id, String personId, int freePlaces, Map<String, Answer> answers) {
        return new Participant(id, personId, Role.MENTOR, answers, freePlaces);
    }

    public static Participant mentee(String id, String personId, Map<String, Answer> answers) {
        return new Participant(id, personId, Role.MENTEE, answers, 0);
    }
}
