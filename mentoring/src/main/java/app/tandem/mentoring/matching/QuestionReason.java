package app.tandem.mentoring.matching;

import java.util.List;

/**
 * How one question pair counted in a pair's score.
 *
 * @param questionPair the question pair
 * @param weight the weight that counted towards the best possible score; 0 when a side did not answer (the question
 *     then counts for neither the score nor the best possible score) and for MUST pairs
 * @param similarity how well the answers agree, 0 to 1
 * @param overlap the options both sides chose (for ranked questions in the mentee's order); empty for numbers
 * @param answered whether both sides answered
 */
public record QuestionReason(
        QuestionPair questionPair, int weight, double similarity, List<String> overlap, boolean answered) {

    public QuestionReason {
        overlap = List.copyOf(overlap);
    }
}
