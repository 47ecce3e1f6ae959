package app.tandem.mentoring.matching;

import java.util.List;

/**
 * A mentor/mentee pair as scoring sees it: allowed with a score and the reasons, or filtered out with the reason.
 *
 * @param mentor the mentor
 * @param mentee the mentee
 * @param points the score in hundredths, 0 to 10,000 (integers keep the optimum of bulk matching exact); 0 when
 *     filtered out
 * @param reasons per scored question pair, how it counted (MUST pairs included, with weight 0)
 * @param filteredOut why the pair is not allowed, or {@code null} when it is allowed
 */
public record PairAssessment(
        Participant mentor, Participant mentee, int points, List<QuestionReason> reasons, FilterReason filteredOut) {

    /** The highest possible {@link #points()}. */
    public static final int MAX_POINTS = 10_000;

    public PairAssessment {
        reasons = List.copyOf(reasons);
    }

    public boolean allowed() {
        return filteredOut == null;
    }

    /** The score, 0 to 100 with two decimals. */
    public double score() {
        return points / 100.0;
    }
}
