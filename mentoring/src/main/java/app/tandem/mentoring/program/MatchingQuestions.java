package app.tandem.mentoring.program;

import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.QuestionPair;
import app.tandem.mentoring.matching.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The question pairs a program's matching uses, read from its registration questions. */
public final class MatchingQuestions {

    private MatchingQuestions() {}

    /**
     * One {@link QuestionPair} per mentee question that feeds matching, paired with its mentor question; the mentee's
     * question carries the importance and, for numbers, the range.
     */
    public static List<QuestionPair> of(List<RegistrationQuestion> questions) {
        Map<UUID, RegistrationQuestion> byId =
                questions.stream().collect(Collectors.toMap(RegistrationQuestion::id, Function.identity()));
        var pairs = new ArrayList<QuestionPair>();
        for (var mentee : questions) {
            if (mentee.role() != Role.MENTEE || !mentee.feedsMatching()) {
                continue;
            }
            var mentor = byId.get(mentee.pairedQuestionId());
            if (mentor == null || mentor.role() != Role.MENTOR || mentor.kind() != mentee.kind()) {
                continue;
            }
            double range =
                    mentee.kind() == QuestionKind.NUMBER && mentee.numberRange() != null ? mentee.numberRange() : 0;
            if (mentee.kind() == QuestionKind.NUMBER && !(range > 0)) {
                continue;
            }
            pairs.add(new QuestionPair(
                    mentor.asMatchingQuestion(), mentee.asMatchingQuestion(), mentee.importance(), range));
        }
        return pairs;
    }
}
