package app.tandem.mentoring.matching;

import java.util.Objects;

/**
 * A mentor question paired with the mentee question it is compared with, and how much the pair counts.
 *
 * @param mentorQuestion answered by mentors
 * @param menteeQuestion answered by mentees, of the same kind
 * @param importance {@link Importance#MUST} for a hard filter, otherwise the weight in the score
 * @param numberRange for {@link QuestionKind#NUMBER}: answers this far apart or further score 0 (and fail a MUST);
 *     ignored for other kinds
 */
public record QuestionPair(
        Question mentorQuestion, Question menteeQuestion, Importance importance, double numberRange) {

    public QuestionPair {
        Objects.requireNonNull(mentorQuestion, "mentorQuestion");
        Objects.requireNonNull(menteeQuestion, "menteeQuestion");
        Objects.requireNonNull(importance, "importance");
        if (mentorQuestion.role() != Role.MENTOR || menteeQuestion.role() != Role.MENTEE) {
            throw new IllegalArgumentException("A question pair is a mentor question and a mentee question");
        }
        if (mentorQuestion.kind() != menteeQuestion.kind()) {
            throw new IllegalArgumentException("Paired questions must be of the same kind: " + mentorQuestion.id()
                    + " is " + mentorQuestion.kind() + ", " + menteeQuestion.id() + " is " + menteeQuestion.kind());
        }
        if (mentorQuestion.kind() == QuestionKind.NUMBER && !(numberRange > 0)) {
            throw new IllegalArgumentException("A number question pair needs a positive range");
        }
    }

    /** A pair of choice or text questions, which need no range. */
    public static QuestionPair of(Question mentorQuestion, Question menteeQuestion, Importance importance) {
        return new QuestionPair(mentorQuestion, menteeQuestion, importance, 0);
    }

    /** The kind both questions share. */
    public QuestionKind kind() {
        return mentorQuestion.kind();
    }

    /** Whether the pair takes part in matching at all: free text never does. */
    boolean scored() {
        return kind() != QuestionKind.TEXT;
    }
}
