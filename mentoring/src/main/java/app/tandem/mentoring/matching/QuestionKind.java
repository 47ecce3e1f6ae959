package app.tandem.mentoring.matching;

/** How a registration question is answered, which decides how a pair of answers is compared. */
public enum QuestionKind {
    /** One option; two answers agree when they are the same option. */
    SINGLE_CHOICE,
    /** Several options; two answers are compared by the Jaccard index of their option sets. */
    MULTI_CHOICE,
    /** Options in order of preference; shared options count more the higher both sides rank them. */
    RANKED_CHOICE,
    /** A number; two answers are compared by their closeness within the question pair's range. */
    NUMBER,
    /** Free text; shown to people, never scored. */
    TEXT
}
