package app.tandem.mentoring.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * The points of every mentor/mentee pair of a program, scored once and shared by bulk matching, the greedy baseline
 * and anyone who wants to compare them. Costs one {@code int} per pair: 3 million pairs take 12 MB.
 */
public final class PairScores {

    /** The value of {@link #points(int, int)} for a pair that is filtered out. */
    public static final int FILTERED = -1;

    private final Scoring scoring;
    private final List<Participant> mentors;
    private final List<Participant> mentees;
    private final Scoring.Prepared[] preparedMentors;
    private final Scoring.Prepared[] preparedMentees;
    private final int[][] points;

    private PairScores(Scoring scoring, List<Participant> mentors, List<Participant> mentees) {
        this.scoring = scoring;
        this.mentors = List.copyOf(mentors);
        this.mentees = List.copyOf(mentees);
        this.preparedMentors = this.mentors.stream().map(scoring::prepare).toArray(Scoring.Prepared[]::new);
        this.preparedMentees = this.mentees.stream().map(scoring::prepare).toArray(Scoring.Prepared[]::new);
        this.points = new int[mentees.size()][mentors.size()];
        for (int e = 0; e < preparedMentees.length; e++) {
            int[] row = points[e];
            for (int m = 0; m < preparedMentors.length; m++) {
                row[m] = scoring.points(preparedMentors[m], preparedMentees[e]);
            }
        }
    }

    /** Scores every pair of the given mentors and mentees. */
    public static PairScores of(Scoring scoring, List<Participant> mentors, List<Participant> mentees) {
        for (Participant mentor : mentors) {
            if (mentor.role() != Role.MENTOR) {
                throw new IllegalArgumentException("Not a mentor: " + mentor.id());
            }
        }
        for (Participant mentee : mentees) {
            if (mentee.role() != Role.MENTEE) {
                throw new IllegalArgumentException("Not a mentee: " + mentee.id());
            }
        }
        return new PairScores(scoring, mentors, mentees);
    }

    public List<Participant> mentors() {
        return mentors;
    }

    public List<Participant> mentees() {
        return mentees;
    }

    /** The points (0 to 10,000) of the pair, or {@link #FILTERED}. */
    public int points(int mentee, int mentor) {
        return points[mentee][mentor];
    }

    int[] row(int mentee) {
        return points[mentee];
    }

    /** The full assessment of a pair, with reasons. */
    public PairAssessment assess(int mentee, int mentor) {
        return scoring.assess(preparedMentors[mentor], preparedMentees[mentee]);
    }

    /** Turns an assignment (per mentee, the mentor index or -1) into a result with reasons for the unmatched. */
    MatchingResult result(int[] mentorOf) {
        int[] load = new int[mentors.size()];
        var matches = new ArrayList<PairAssessment>();
        var unmatched = new ArrayList<UnmatchedMentee>();
        for (int e = 0; e < mentorOf.length; e++) {
            if (mentorOf[e] >= 0) {
                load[mentorOf[e]]++;
                matches.add(assess(e, mentorOf[e]));
            }
        }
        for (int e = 0; e < mentorOf.length; e++) {
            if (mentorOf[e] < 0) {
                boolean anyAllowed = false;
                for (int m = 0; m < mentors.size() && !anyAllowed; m++) {
                    anyAllowed = points[e][m] != FILTERED && mentors.get(m).freePlaces() > 0;
                }
                unmatched.add(new UnmatchedMentee(
                        mentees.get(e),
                        anyAllowed
                                ? UnmatchedMentee.Reason.ALL_ALLOWED_MENTORS_FULL
                                : UnmatchedMentee.Reason.NO_ALLOWED_MENTOR));
            }
        }
        return new MatchingResult(matches, unmatched);
    }
}
