package app.tandem.mentoring.match;

import app.tandem.mentoring.matching.FilterReason;
import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.PairAssessment;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.QuestionReason;
import app.tandem.mentoring.matching.UnmatchedMentee;
import app.tandem.mentoring.program.RegistrationQuestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pair's score in words, from the engine's reasons and the questions' labels: "Languages: you both chose Java, Go —
 * counted Very important (5)". Written for the mentee ({@link Voice#MENTEE}) or for a coordinator ({@link
 * Voice#NEUTRAL}).
 */
final class Explanations {

    /** Whom the words speak to. */
    enum Voice {
        MENTEE,
        NEUTRAL
    }

    private Explanations() {}

    static List<String> of(PairAssessment pair, Map<String, RegistrationQuestion> questions, Voice voice) {
        var lines = new ArrayList<String>();
        for (QuestionReason reason : pair.reasons()) {
            lines.add(line(reason, questions, voice));
        }
        return lines;
    }

    /** The reasons in one short line, as stored with a match. */
    static String summary(PairAssessment pair, Map<String, RegistrationQuestion> questions) {
        return String.join("; ", of(pair, questions, Voice.NEUTRAL));
    }

    private static String line(QuestionReason reason, Map<String, RegistrationQuestion> questions, Voice voice) {
        var pair = reason.questionPair();
        var label = label(questions, pair.menteeQuestion().id());
        var both = voice == Voice.MENTEE ? "you both" : "both";
        if (!reason.answered()) {
            return label + ": not answered by both, not counted";
        }
        if (pair.importance() == Importance.MUST) {
            var agreed = reason.overlap().isEmpty() ? "answers agree" : both + " chose " + join(reason.overlap());
            return label + ": " + agreed + " — must match, met";
        }
        var counted = "counted " + importance(pair.importance());
        if (pair.kind() == QuestionKind.NUMBER) {
            return label + ": " + Math.round(reason.similarity() * 100) + "% close — " + counted;
        }
        if (reason.overlap().isEmpty()) {
            return label + ": no answer in common — " + counted;
        }
        var chose = Character.toUpperCase(both.charAt(0)) + both.substring(1) + " chose ";
        var overlapText = chose + join(reason.overlap());
        if (reason.similarity() < 0.999) {
            overlapText += " (" + Math.round(reason.similarity() * 100) + "% overlap)";
        }
        return label + ": " + overlapText + " — " + counted;
    }

    static String importance(Importance importance) {
        return switch (importance) {
            case MUST -> "Must match";
            case VERY -> "Very important (5)";
            case MODERATE -> "Moderately important (3)";
            case SOMEWHAT -> "Somewhat important (1)";
        };
    }

    /** Why a pair is filtered out, in words. */
    static String filtered(FilterReason reason, Map<String, RegistrationQuestion> questions) {
        return switch (reason.kind()) {
            case SAME_PERSON -> "a person cannot mentor themselves.";
            case PAST_PAIR -> "the two were matched before in this program.";
            case BLOCKED_PAIR -> "a coordinator blocked this pair.";
            case MUST_NOT_MET ->
                "their answers to \""
                        + label(
                                questions,
                                reason.questionPair().menteeQuestion().id()) + "\" must match and do not.";
            case MUST_UNANSWERED ->
                "\"" + label(questions, reason.questionPair().menteeQuestion().id())
                        + "\" must match, and one of them has not answered it.";
        };
    }

    static String unmatched(UnmatchedMentee.Reason reason) {
        return switch (reason) {
            case NO_ALLOWED_MENTOR ->
                "No mentor with a free place fits: every one is ruled out by a must-match question, a past pair or a"
                        + " block.";
            case ALL_ALLOWED_MENTORS_FULL ->
                "The mentors who fit are all taken by other mentees (the best total for the program that way).";
        };
    }

    private static String label(Map<String, RegistrationQuestion> questions, String questionId) {
        var question = questions.get(questionId);
        return question == null ? "A question" : question.label();
    }

    private static String join(List<String> options) {
        return String.join(", ", options);
    }
}
