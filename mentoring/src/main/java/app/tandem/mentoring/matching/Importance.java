package app.tandem.mentoring.matching;

/** How much a question pair counts: {@link #MUST} filters pairs out, the others weigh into the score. */
public enum Importance {
    /** A hard filter: a pair whose answers do not agree is not allowed. Adds nothing to the score. */
    MUST(0),
    VERY(5),
    MODERATE(3),
    SOMEWHAT(1);

    private final int weight;

    Importance(int weight) {
        this.weight = weight;
    }

    /** The weight in the score; 0 for {@link #MUST}. */
    public int weight() {
        return weight;
    }
}
