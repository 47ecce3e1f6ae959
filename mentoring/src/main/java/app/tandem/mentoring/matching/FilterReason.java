package app.tandem.mentoring.matching;

/**
 * Why a pair is not allowed.
 *
 * @param kind what rule filtered it out
 * @param questionPair for {@link Kind#MUST_NOT_MET} and {@link Kind#MUST_UNANSWERED}, the question pair; otherwise
 *     {@code null}
 */
public record FilterReason(Kind kind, QuestionPair questionPair) {

    /** The rules that filter a pair out. */
    public enum Kind {
        SAME_PERSON,
        PAST_PAIR,
        BLOCKED_PAIR,
        /** The answers to a MUST question pair do not agree. */
        MUST_NOT_MET,
        /** One side did not answer a MUST question. */
        MUST_UNANSWERED
    }
}
