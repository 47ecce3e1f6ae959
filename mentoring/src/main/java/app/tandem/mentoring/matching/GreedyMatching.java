package app.tandem.mentoring.matching;

import java.util.Arrays;

/**
 * The baseline that bulk matching is measured against: takes allowed pairs from the highest score down and keeps a
 * pair when its mentee is still unmatched and its mentor still has a free place. Ties go to the lower mentee, then
 * the lower mentor index. Fast and usually good, but not optimal: a mentee's best mentor may be the only one another
 * mentee could have had.
 */
public final class GreedyMatching {

    /** The greedy assignment of the scored mentees to the scored mentors. */
    public MatchingResult match(PairScores scores) {
        return scores.result(assign(scores));
    }

    int[] assign(PairScores scores) {
        int mentees = scores.mentees().size();
        int mentors = scores.mentors().size();
        long[] keys = new long[Math.multiplyExact(mentees, mentors)];
        int count = 0;
        for (int e = 0; e < mentees; e++) {
            int[] row = scores.row(e);
            for (int m = 0; m < mentors; m++) {
                if (row[m] != PairScores.FILTERED) {
                    // Highest points first after an ascending sort; then the lower pair index.
                    keys[count++] = ((long) (PairAssessment.MAX_POINTS - row[m]) << 40) | ((long) e * mentors + m);
                }
            }
        }
        Arrays.sort(keys, 0, count);
        int[] mentorOf = new int[mentees];
        Arrays.fill(mentorOf, -1);
        int[] free = scores.mentors().stream().mapToInt(Participant::freePlaces).toArray();
        for (int i = 0; i < count; i++) {
            long pair = keys[i] & ((1L << 40) - 1);
            int e = (int) (pair / mentors);
            int m = (int) (pair % mentors);
            if (mentorOf[e] < 0 && free[m] > 0) {
                mentorOf[e] = m;
                free[m]--;
            }
        }
        return mentorOf;
    }
}
