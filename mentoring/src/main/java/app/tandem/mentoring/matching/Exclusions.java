package app.tandem.mentoring.matching;

import java.util.Set;

/**
 * Pairs that may not be matched whatever their score, besides a person paired with themselves, which is always
 * excluded.
 *
 * @param pastPairs people who were already paired in the program
 * @param blockedPairs pairs an admin or one of the two people blocked
 */
public record Exclusions(Set<PersonPair> pastPairs, Set<PersonPair> blockedPairs) {

    public static final Exclusions NONE = new Exclusions(Set.of(), Set.of());

    public Exclusions {
        pastPairs = Set.copyOf(pastPairs);
        blockedPairs = Set.copyOf(blockedPairs);
    }
}
