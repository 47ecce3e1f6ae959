package app.tandem.mentoring.match;

import static org.assertj.core.api.Assertions.assertThat;

import app.tandem.mentoring.matching.Answer;
import app.tandem.mentoring.matching.Exclusions;
import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.Participant;
import app.tandem.mentoring.matching.PersonPair;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.QuestionPair;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.matching.Scoring;
import app.tandem.mentoring.matching.UnmatchedMentee;
import app.tandem.mentoring.program.QuestionDefinition;
import app.tandem.mentoring.program.RegistrationQuestion;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Scores in words, with the questions' labels. */
class ExplanationsTests {

    private final UUID program = UUID.randomUUID();
    private final RegistrationQuestion mentorLanguages =
            question(Role.MENTOR, QuestionKind.MULTI_CHOICE, "Languages you teach");
    private final RegistrationQuestion menteeLanguages = question(Role.MENTEE, QuestionKind.MULTI_CHOICE, "Languages");
    private final RegistrationQuestion mentorYears = question(Role.MENTOR, QuestionKind.NUMBER, "Years of experience");
    private final RegistrationQuestion menteeYears = question(Role.MENTEE, QuestionKind.NUMBER, "Years you want");
    private final Map<String, RegistrationQuestion> labels = Map.of(
            mentorLanguages.id().toString(), mentorLanguages,
            menteeLanguages.id().toString(), menteeLanguages,
            mentorYears.id().toString(), mentorYears,
            menteeYears.id().toString(), menteeYears);

    private RegistrationQuestion question(Role role, QuestionKind kind, String label) {
        return new RegistrationQuestion(
                program, 0, new QuestionDefinition(role, kind, label, "", List.of(), false, Importance.VERY, 10.0));
    }

    private List<QuestionPair> pairs(Importance languages) {
        return List.of(
                QuestionPair.of(mentorLanguages.asMatchingQuestion(), menteeLanguages.asMatchingQuestion(), languages),
                new QuestionPair(
                        mentorYears.asMatchingQuestion(), menteeYears.asMatchingQuestion(), Importance.SOMEWHAT, 10));
    }

    private final Participant mentor = Participant.mentor(
            "m",
            "pm",
            1,
            Map.of(
                    mentorLanguages.id().toString(), Answer.choices("Java", "Go", "Rust"),
                    mentorYears.id().toString(), Answer.number(12)));
    private final Participant mentee = Participant.mentee(
            "e",
            "pe",
            Map.of(
                    menteeLanguages.id().toString(), Answer.choices("Go", "Java"),
                    menteeYears.id().toString(), Answer.number(10)));

    @Test
    void saysWhichAnswersOverlapAndWhichWeightsCounted() {
        var pair = new Scoring(pairs(Importance.VERY), Exclusions.NONE).assess(mentor, mentee);

        assertThat(Explanations.of(pair, labels, Explanations.Voice.MENTEE))
                .containsExactly(
                        "Languages: You both chose Go, Java (67% overlap) — counted Very important (5)",
                        "Years you want: 80% close — counted Somewhat important (1)");
        assertThat(Explanations.summary(pair, labels)).startsWith("Languages: Both chose Go, Java");
    }

    @Test
    void mustQuestionsSayTheyAreMetAndFilteredPairsSayWhy() {
        var must = new Scoring(pairs(Importance.MUST), Exclusions.NONE).assess(mentor, mentee);
        assertThat(Explanations.of(must, labels, Explanations.Voice.NEUTRAL).get(0))
                .isEqualTo("Languages: both chose Go, Java — must match, met");

        var blocked = new Scoring(pairs(Importance.VERY), new Exclusions(Set.of(), Set.of(new PersonPair("pm", "pe"))))
                .assess(mentor, mentee);
        assertThat(Explanations.filtered(blocked.filteredOut(), labels)).isEqualTo("a coordinator blocked this pair.");
        var notMet = new Scoring(pairs(Importance.MUST), Exclusions.NONE)
                .assess(
                        mentor,
                        Participant.mentee(
                                "x", "px", Map.of(menteeLanguages.id().toString(), Answer.choices("Cobol"))));
        assertThat(Explanations.filtered(notMet.filteredOut(), labels))
                .isEqualTo("their answers to \"Languages\" must match and do not.");
        assertThat(Explanations.unmatched(UnmatchedMentee.Reason.ALL_ALLOWED_MENTORS_FULL))
                .contains("taken by other mentees");
    }
}
