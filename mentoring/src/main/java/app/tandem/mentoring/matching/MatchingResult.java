package app.tandem.mentoring.matching;

import java.util.List;

/**
 * A proposed assignment: the pairs with their scores and reasons, and the mentees left unmatched with the reason.
 * Drafts for an admin to review, never published by the engine.
 */
public record MatchingResult(List<PairAssessment> matches, List<UnmatchedMentee> unmatched) {

    public MatchingResult {
        matches = List.copyOf(matches);
        unmatched = List.copyOf(unmatched);
    }

    /** The sum of the points of the matches, in hundredths of a score. */
    public long totalPoints() {
        return matches.stream().mapToLong(PairAssessment::points).sum();
    }
}
