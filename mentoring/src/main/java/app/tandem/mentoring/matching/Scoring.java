package app.tandem.mentoring.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores mentor/mentee pairs of one program and says why.
 *
 * <p>The score of an allowed pair is {@code 100 × Σ weight·similarity ÷ Σ weight}, over the weighted question pairs
 * (VERY 5, MODERATE 3, SOMEWHAT 1) that both sides answered: the best possible score for that pair is the sum of the
 * weights that could count for it, so a question one side skipped neither helps nor hurts. With no such question
 * the score is 0. Similarity per kind, each from 0 to 1:
 *
 * <ul>
 *   <li>single and multi choice: the Jaccard index {@code |A ∩ B| ÷ |A ∪ B|} of the chosen options (for single
 *       choice: 1 when the same option, else 0);
 *   <li>ranked choice: option at rank {@code i} (0 first) has weight {@code 1 ÷ (i + 1)}; similarity is
 *       {@code Σ over shared options of min(weight on each side) ÷ max(total weight of each side)}, so identical
 *       rankings give 1 and shared options ranked high count most;
 *   <li>number: {@code max(0, 1 − |a − b| ÷ range)};
 *   <li>free text: never scored.
 * </ul>
 *
 * <p>A pair is filtered out when it is the same person, a past pair or a blocked pair, or when a MUST question pair
 * is unanswered by a side or its answers do not agree. MUST agreement: choice questions share at least one option
 * ("any overlap"); numbers are at most the range apart. Scores are integers in hundredths ({@link
 * PairAssessment#points()}) so that sums and the bulk optimum are exact.
 *
 * <p>An instance interns option names as it meets participants; it is not safe for concurrent use.
 */
public final class Scoring {

    private final List<QuestionPair> pairs;
    private final Exclusions exclusions;
    private final List<Map<String, Integer>> optionIds;

    /** Scoring for the given question pairs (text pairs are kept for display but never scored) and exclusions. */
    public Scoring(List<QuestionPair> questionPairs, Exclusions exclusions) {
        this.pairs = questionPairs.stream().filter(QuestionPair::scored).toList();
        this.exclusions = Objects.requireNonNull(exclusions, "exclusions");
        this.optionIds = new ArrayList<>();
        for (int q = 0; q < pairs.size(); q++) {
            optionIds.add(new HashMap<>());
        }
    }

    /** The question pairs that are scored or filter, in the order of the reasons. */
    public List<QuestionPair> questionPairs() {
        return pairs;
    }

    /** Scores one pair with its reasons, or says why it is filtered out. */
    public PairAssessment assess(Participant mentor, Participant mentee) {
        return assess(prepare(mentor), prepare(mentee));
    }

    PairAssessment assess(Prepared mentor, Prepared mentee) {
        FilterReason excluded = exclusion(mentor.participant, mentee.participant);
        List<QuestionReason> reasons = new ArrayList<>(pairs.size());
        FilterReason mustFailed = null;
        long best = 0;
        double sum = 0;
        for (int q = 0; q < pairs.size(); q++) {
            QuestionPair pair = pairs.get(q);
            boolean answered = mentor.answered(q) && mentee.answered(q);
            double similarity = answered ? similarity(q, mentor, mentee) : 0;
            int weight = answered ? pair.importance().weight() : 0;
            if (pair.importance() == Importance.MUST && mustFailed == null) {
                if (!answered) {
                    mustFailed = new FilterReason(FilterReason.Kind.MUST_UNANSWERED, pair);
                } else if (!mustAgree(q, mentor, mentee)) {
                    mustFailed = new FilterReason(FilterReason.Kind.MUST_NOT_MET, pair);
                }
            }
            sum += weight * similarity;
            best += weight;
            reasons.add(new QuestionReason(pair, weight, similarity, overlap(q, mentor, mentee), answered));
        }
        FilterReason filter = excluded != null ? excluded : mustFailed;
        int points = filter == null ? points(sum, best) : 0;
        return new PairAssessment(mentor.participant, mentee.participant, points, reasons, filter);
    }

    /** The points of a pair without reasons, or -1 when it is filtered out: the fast path of bulk matching. */
    int points(Prepared mentor, Prepared mentee) {
        if (exclusion(mentor.participant, mentee.participant) != null) {
            return -1;
        }
        long best = 0;
        double sum = 0;
        for (int q = 0; q < pairs.size(); q++) {
            int importance = pairs.get(q).importance().weight();
            boolean answered = mentor.answered(q) && mentee.answered(q);
            if (importance == 0) {
                if (!answered || !mustAgree(q, mentor, mentee)) {
                    return -1;
                }
            } else if (answered) {
                sum += importance * similarity(q, mentor, mentee);
                best += importance;
            }
        }
        return points(sum, best);
    }

    private static int points(double sum, long best) {
        return best == 0 ? 0 : (int) Math.round(PairAssessment.MAX_POINTS * sum / best);
    }

    private FilterReason exclusion(Participant mentor, Participant mentee) {
        if (mentor.personId().equals(mentee.personId())) {
            return new FilterReason(FilterReason.Kind.SAME_PERSON, null);
        }
        if (exclusions.blockedPairs().isEmpty() && exclusions.pastPairs().isEmpty()) {
            return null;
        }
        PersonPair people = new PersonPair(mentor.personId(), mentee.personId());
        if (exclusions.blockedPairs().contains(people)) {
            return new FilterReason(FilterReason.Kind.BLOCKED_PAIR, null);
        }
        if (exclusions.pastPairs().contains(people)) {
            return new FilterReason(FilterReason.Kind.PAST_PAIR, null);
        }
        return null;
    }

    /** The participant's answers turned into option ids and numbers per question pair, once for many comparisons. */
    Prepared prepare(Participant participant) {
        int n = pairs.size();
        int[][] options = new int[n][];
        double[] numbers = new double[n];
        for (int q = 0; q < n; q++) {
            QuestionPair pair = pairs.get(q);
            Question question = participant.role() == Role.MENTOR ? pair.mentorQuestion() : pair.menteeQuestion();
            Answer answer = participant.answers().get(question.id());
            numbers[q] = Double.NaN;
            if (answer == null) {
                continue;
            }
            if (pair.kind() == QuestionKind.NUMBER) {
                if (answer.number() != null) {
                    numbers[q] = answer.number();
                }
            } else if (!answer.options().isEmpty()) {
                Map<String, Integer> ids = optionIds.get(q);
                int[] chosen = answer.options().stream()
                        .distinct()
                        .mapToInt(o -> ids.computeIfAbsent(o, k -> ids.size()))
                        .toArray();
                if (pair.kind() != QuestionKind.RANKED_CHOICE) {
                    Arrays.sort(chosen);
                }
                options[q] = chosen;
            }
        }
        return new Prepared(participant, options, numbers);
    }

    private double similarity(int q, Prepared mentor, Prepared mentee) {
        return switch (pairs.get(q).kind()) {
            case SINGLE_CHOICE, MULTI_CHOICE -> {
                int shared = sharedSorted(mentor.options[q], mentee.options[q]);
                yield (double) shared / (mentor.options[q].length + mentee.options[q].length - shared);
            }
            case RANKED_CHOICE -> rankedSimilarity(mentor.options[q], mentee.options[q]);
            case NUMBER ->
                Math.max(
                        0,
                        1
                                - Math.abs(mentor.numbers[q] - mentee.numbers[q])
                                        / pairs.get(q).numberRange());
            case TEXT -> 0;
        };
    }

    private boolean mustAgree(int q, Prepared mentor, Prepared mentee) {
        return switch (pairs.get(q).kind()) {
            case SINGLE_CHOICE, MULTI_CHOICE -> sharedSorted(mentor.options[q], mentee.options[q]) > 0;
            case RANKED_CHOICE -> rankedSimilarity(mentor.options[q], mentee.options[q]) > 0;
            case NUMBER ->
                Math.abs(mentor.numbers[q] - mentee.numbers[q]) <= pairs.get(q).numberRange();
            case TEXT -> true;
        };
    }

    private static int sharedSorted(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    private static double rankedSimilarity(int[] a, int[] b) {
        double shared = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                if (a[i] == b[j]) {
                    shared += 1.0 / (Math.max(i, j) + 1);
                }
            }
        }
        return shared / Math.max(harmonic(a.length), harmonic(b.length));
    }

    private static double harmonic(int n) {
        double sum = 0;
        for (int i = 1; i <= n; i++) {
            sum += 1.0 / i;
        }
        return sum;
    }

    private List<String> overlap(int q, Prepared mentor, Prepared mentee) {
        if (pairs.get(q).kind() == QuestionKind.NUMBER || !mentor.answered(q) || !mentee.answered(q)) {
            return List.of();
        }
        Question menteeQuestion = pairs.get(q).menteeQuestion();
        Answer menteeAnswer = mentee.participant.answers().get(menteeQuestion.id());
        Question mentorQuestion = pairs.get(q).mentorQuestion();
        List<String> mentorOptions =
                mentor.participant.answers().get(mentorQuestion.id()).options();
        return menteeAnswer.options().stream()
                .distinct()
                .filter(mentorOptions::contains)
                .toList();
    }

    /** A participant prepared for fast comparison. */
    static final class Prepared {
        final Participant participant;
        final int[][] options;
        final double[] numbers;

        Prepared(Participant participant, int[][] options, double[] numbers) {
            this.participant = participant;
            this.options = options;
            this.numbers = numbers;
        }

        boolean answered(int q) {
            return options[q] != null || !Double.isNaN(numbers[q]);
        }
    }
}
