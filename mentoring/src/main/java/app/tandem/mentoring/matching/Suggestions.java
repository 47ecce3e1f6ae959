package app.tandem.mentoring.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mentors to suggest to mentees: the allowed mentors with free places, best score first, each with its reasons.
 * Built once for a program's mentors, whose answers are prepared for fast comparison, then asked per mentee.
 *
 * <p>Ordering: points descending; among equal points, the mentor earlier in the list given to the constructor first.
 */
public final class Suggestions {

    private final Scoring scoring;
    private final List<Participant> mentors;
    private final Scoring.Prepared[] prepared;

    /** Suggestions among the given mentors; mentors without free places are never suggested. */
    public Suggestions(Scoring scoring, List<Participant> mentors) {
        this.scoring = scoring;
        this.mentors = List.copyOf(mentors);
        this.prepared = this.mentors.stream().map(scoring::prepare).toArray(Scoring.Prepared[]::new);
    }

    /** The best {@code limit} allowed mentors with free places for one mentee, with score and reasons. */
    public List<PairAssessment> forMentee(Participant mentee, int limit) {
        Scoring.Prepared one = scoring.prepare(mentee);
        long[] keys = new long[prepared.length];
        int count = 0;
        for (int m = 0; m < prepared.length; m++) {
            if (mentors.get(m).freePlaces() > 0) {
                int points = scoring.points(prepared[m], one);
                if (points != PairScores.FILTERED) {
                    keys[count++] = key(points, m);
                }
            }
        }
        Arrays.sort(keys, 0, count);
        List<PairAssessment> top = new ArrayList<>(Math.min(limit, count));
        for (int i = 0; i < count && top.size() < limit; i++) {
            top.add(scoring.assess(prepared[mentor(keys[i])], one));
        }
        return top;
    }

    /**
     * Suggestions for many mentees at once, never featuring a mentor to more mentees than the mentor has free places.
     * Rule: all allowed pairs are taken from the highest score down; a pair is featured when its mentee still has
     * fewer than {@code limit} suggestions and its mentor is featured to fewer mentees than their free places. So the
     * best-fitting mentees see a mentor first, and a mentee may get fewer than {@code limit} suggestions (or none)
     * when the places of their allowed mentors are all spoken for.
     *
     * @return per mentee id, in the order of {@code mentees}, the featured mentors best first
     */
    public Map<String, List<PairAssessment>> forMentees(List<Participant> mentees, int limit) {
        PairScores scores = PairScores.of(scoring, mentors, mentees);
        int mentorCount = mentors.size();
        List<long[]> pairs = new ArrayList<>();
        for (int e = 0; e < mentees.size(); e++) {
            for (int m = 0; m < mentorCount; m++) {
                int points = scores.points(e, m);
                if (points != PairScores.FILTERED && mentors.get(m).freePlaces() > 0) {
                    pairs.add(new long[] {points, e, m});
                }
            }
        }
        pairs.sort((a, b) -> a[0] != b[0]
                ? Long.compare(b[0], a[0])
                : a[1] != b[1]
                        ? Long.compare(a[1], b[1])
                        : mentors.get((int) a[2])
                                .id()
                                .compareTo(mentors.get((int) b[2]).id()));
        int[] featured = new int[mentorCount];
        Map<String, List<PairAssessment>> result = new LinkedHashMap<>();
        for (Participant mentee : mentees) {
            result.put(mentee.id(), new ArrayList<>());
        }
        for (long[] pair : pairs) {
            int e = (int) pair[1];
            int m = (int) pair[2];
            List<PairAssessment> list = result.get(mentees.get(e).id());
            if (list.size() < limit && featured[m] < mentors.get(m).freePlaces()) {
                featured[m]++;
                list.add(scores.assess(e, m));
            }
        }
        result.replaceAll((id, list) -> List.copyOf(list));
        return result;
    }

    private static long key(int points, int mentor) {
        return ((long) (PairAssessment.MAX_POINTS - points) << 32) | mentor;
    }

    private static int mentor(long key) {
        return (int) key;
    }
}
