package app.tandem.mentoring.matching;

import static app.tandem.mentoring.matching.MatchingFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoringTests {

    private static final QuestionPair LANGUAGES = QuestionPair.of(MENTOR_LANGUAGES, MENTEE_LANGUAGES, Importance.VERY);
    private static final QuestionPair SKILLS = QuestionPair.of(MENTOR_SKILLS, MENTEE_GOALS, Importance.MODERATE);
    private static final QuestionPair REGION = QuestionPair.of(MENTOR_REGION, MENTEE_REGION, Importance.SOMEWHAT);
    private static final QuestionPair TOPICS = QuestionPair.of(MENTOR_TOPICS, MENTEE_TOPICS, Importance.VERY);
    private static final QuestionPair YEARS = new QuestionPair(MENTOR_YEARS, MENTEE_YEARS, Importance.VERY, 10);
    private static final QuestionPair BIO = QuestionPair.of(MENTOR_BIO, MENTEE_BIO, Importance.VERY);

    private static Scoring scoring(QuestionPair... pairs) {
        return new Scoring(List.of(pairs), Exclusions.NONE);
    }

    private static Participant mentor(Object... answers) {
        return Participant.mentor("r", "person-r", 1, answers(answers));
    }

    private static Participant mentee(Object... answers) {
        return Participant.mentee("e", "person-e", answers(answers));
    }

    @Test
    void scoresIdenticalAnswersAtOneHundred() {
        var scoring = scoring(LANGUAGES, SKILLS, REGION, TOPICS, YEARS);
        var mentor = mentor(
                MENTOR_LANGUAGES,
                Answer.choices("en", "de"),
                MENTOR_SKILLS,
                Answer.choices("java"),
                MENTOR_REGION,
                Answer.choices("emea"),
                MENTOR_TOPICS,
                Answer.choices("career", "craft"),
                MENTOR_YEARS,
                Answer.number(12));
        var mentee = mentee(
                MENTEE_LANGUAGES,
                Answer.choices("de", "en"),
                MENTEE_GOALS,
                Answer.choices("java"),
                MENTEE_REGION,
                Answer.choices("emea"),
                MENTEE_TOPICS,
                Answer.choices("career", "craft"),
                MENTEE_YEARS,
                Answer.number(12));

        PairAssessment assessment = scoring.assess(mentor, mentee);

        assertThat(assessment.allowed()).isTrue();
        assertThat(assessment.points()).isEqualTo(10_000);
        assertThat(assessment.score()).isEqualTo(100.0);
    }

    @Test
    void weighsMultiChoiceByJaccardAndNormalisesByTheWeightsThatCounted() {
        // Languages (VERY 5): {en, de} vs {en, fr} = 1/3; skills (MODERATE 3): {java} vs {java} = 1.
        var scoring = scoring(LANGUAGES, SKILLS);
        var assessment = scoring.assess(
                mentor(MENTOR_LANGUAGES, Answer.choices("en", "de"), MENTOR_SKILLS, Answer.choices("java")),
                mentee(MENTEE_LANGUAGES, Answer.choices("en", "fr"), MENTEE_GOALS, Answer.choices("java")));

        assertThat(assessment.points()).isEqualTo(Math.round(10_000 * (5 * (1 / 3.0) + 3 * 1.0) / 8));
        assertThat(assessment.reasons())
                .extracting(QuestionReason::weight, QuestionReason::overlap)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(5, List.of("en")),
                        org.assertj.core.groups.Tuple.tuple(3, List.of("java")));
        assertThat(assessment.reasons().get(0).similarity()).isCloseTo(1 / 3.0, within(1e-9));
    }

    @Test
    void leavesAQuestionOneSideSkippedOutOfTheBestPossibleScore() {
        var scoring = scoring(LANGUAGES, SKILLS);
        var assessment = scoring.assess(
                mentor(MENTOR_LANGUAGES, Answer.choices("en"), MENTOR_SKILLS, Answer.choices("java")),
                mentee(MENTEE_LANGUAGES, Answer.choices("en")));

        assertThat(assessment.points()).isEqualTo(10_000);
        assertThat(assessment.reasons().get(1).answered()).isFalse();
        assertThat(assessment.reasons().get(1).weight()).isZero();
    }

    @Test
    void countsSharedRankedOptionsMoreWhenBothRankThemHigh() {
        var scoring = scoring(TOPICS);
        var top = scoring.assess(
                mentor(MENTOR_TOPICS, Answer.choices("career", "craft", "money")),
                mentee(MENTEE_TOPICS, Answer.choices("career", "health", "people")));
        var bottom = scoring.assess(
                mentor(MENTOR_TOPICS, Answer.choices("craft", "money", "career")),
                mentee(MENTEE_TOPICS, Answer.choices("health", "people", "career")));

        // Harmonic weights 1, 1/2, 1/3 sum to 11/6: a shared first choice is 6/11, a shared last one 2/11.
        assertThat(top.points()).isEqualTo(Math.round(10_000 * 6 / 11.0));
        assertThat(bottom.points()).isEqualTo(Math.round(10_000 * 2 / 11.0));
        assertThat(top.reasons().get(0).overlap()).containsExactly("career");
    }

    @Test
    void scoresNumbersByClosenessWithinTheRange() {
        var scoring = scoring(YEARS);

        assertThat(scoring.assess(mentor(MENTOR_YEARS, Answer.number(10)), mentee(MENTEE_YEARS, Answer.number(7)))
                        .points())
                .isEqualTo(7_000);
        assertThat(scoring.assess(mentor(MENTOR_YEARS, Answer.number(30)), mentee(MENTEE_YEARS, Answer.number(7)))
                        .points())
                .isZero();
    }

    @Test
    void neverScoresFreeText() {
        var scoring = scoring(BIO, REGION);
        var assessment = scoring.assess(
                mentor(MENTOR_BIO, Answer.text("same"), MENTOR_REGION, Answer.choices("emea")),
                mentee(MENTEE_BIO, Answer.text("same"), MENTEE_REGION, Answer.choices("apac")));

        assertThat(assessment.points()).isZero();
        assertThat(scoring.questionPairs()).containsExactly(REGION);
    }

    @Test
    void filtersOutAPairWhoseMustAnswersShareNothing() {
        var must = QuestionPair.of(MENTOR_LANGUAGES, MENTEE_LANGUAGES, Importance.MUST);
        var scoring = scoring(must, REGION);

        var filtered = scoring.assess(
                mentor(MENTOR_LANGUAGES, Answer.choices("en"), MENTOR_REGION, Answer.choices("emea")),
                mentee(MENTEE_LANGUAGES, Answer.choices("fr"), MENTEE_REGION, Answer.choices("emea")));
        var allowed = scoring.assess(
                mentor(MENTOR_LANGUAGES, Answer.choices("en", "fr"), MENTOR_REGION, Answer.choices("emea")),
                mentee(MENTEE_LANGUAGES, Answer.choices("fr"), MENTEE_REGION, Answer.choices("emea")));

        assertThat(filtered.allowed()).isFalse();
        assertThat(filtered.filteredOut()).isEqualTo(new FilterReason(FilterReason.Kind.MUST_NOT_MET, must));
        assertThat(filtered.points()).isZero();
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.points()).as("MUST adds nothing to the score").isEqualTo(10_000);
    }

    @Test
    void filtersOutAPairWhenASideSkippedAMustQuestion() {
        var must = new QuestionPair(MENTOR_YEARS, MENTEE_YEARS, Importance.MUST, 5);
        var assessment = scoring(must).assess(mentor(MENTOR_YEARS, Answer.number(3)), mentee());

        assertThat(assessment.filteredOut()).isEqualTo(new FilterReason(FilterReason.Kind.MUST_UNANSWERED, must));
    }

    @Test
    void filtersOutTheSamePersonPastPairsAndBlockedPairs() {
        var scoring = new Scoring(
                List.of(REGION),
                new Exclusions(Set.of(new PersonPair("past-r", "past-e")), Set.of(new PersonPair("b-r", "b-e"))));
        var answer = Answer.choices("emea");

        assertThat(scoring.assess(
                                Participant.mentor("r1", "same", 1, answers(MENTOR_REGION, answer)),
                                Participant.mentee("e1", "same", answers(MENTEE_REGION, answer)))
                        .filteredOut()
                        .kind())
                .isEqualTo(FilterReason.Kind.SAME_PERSON);
        assertThat(scoring.assess(
                                Participant.mentor("r2", "past-r", 1, answers(MENTOR_REGION, answer)),
                                Participant.mentee("e2", "past-e", answers(MENTEE_REGION, answer)))
                        .filteredOut()
                        .kind())
                .isEqualTo(FilterReason.Kind.PAST_PAIR);
        assertThat(scoring.assess(
                                Participant.mentor("r3", "b-r", 1, answers(MENTOR_REGION, answer)),
                                Participant.mentee("e3", "b-e", answers(MENTEE_REGION, answer)))
                        .filteredOut()
                        .kind())
                .isEqualTo(FilterReason.Kind.BLOCKED_PAIR);
    }

    @Test
    void agreesWithTheFastPathOfPairScores() {
        var program = MatchingFixtures.randomProgram(7, 15, 30, true);
        PairScores scores = program.scores();

        for (int e = 0; e < 30; e++) {
            for (int m = 0; m < 15; m++) {
                PairAssessment assessment = program.scoring()
                        .assess(program.mentors().get(m), program.mentees().get(e));
                assertThat(scores.points(e, m))
                        .isEqualTo(assessment.allowed() ? assessment.points() : PairScores.FILTERED);
            }
        }
    }

    @Test
    void rejectsPairingQuestionsOfDifferentKinds() {
        assertThatThrownBy(() -> QuestionPair.of(MENTOR_LANGUAGES, MENTEE_REGION, Importance.VERY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same kind");
    }
}
