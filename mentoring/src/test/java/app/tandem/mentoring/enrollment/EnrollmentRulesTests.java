package app.tandem.mentoring.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tandem.mentoring.matching.Answer;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.MatchingMode;
import app.tandem.mentoring.program.Program;
import app.tandem.mentoring.program.ProgramKind;
import app.tandem.mentoring.program.ProgramSettings;
import app.tandem.mentoring.program.QuestionDefinition;
import app.tandem.mentoring.program.RegistrationQuestion;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnrollmentRulesTests {

    static final UUID PROGRAM = UUID.randomUUID();

    final RegistrationQuestion level =
            question(0, Role.MENTEE, QuestionKind.SINGLE_CHOICE, "Level", true, "Junior", "Senior");
    final RegistrationQuestion topics =
            question(1, Role.MENTEE, QuestionKind.MULTI_CHOICE, "Topics", false, "Java", "Go", "Rust");
    final RegistrationQuestion ranked =
            question(2, Role.MENTEE, QuestionKind.RANKED_CHOICE, "Priorities", false, "Career", "Tech", "Life");
    final RegistrationQuestion years = question(3, Role.MENTEE, QuestionKind.NUMBER, "Years", false);
    final RegistrationQuestion note = question(4, Role.MENTEE, QuestionKind.TEXT, "Note", false);
    final RegistrationQuestion seniority =
            question(5, Role.MENTOR, QuestionKind.SINGLE_CHOICE, "Seniority", true, "Junior", "Senior");
    final List<RegistrationQuestion> questions = List.of(level, topics, ranked, years, note, seniority);

    @Test
    void acceptsAnswersOfEveryKindAndStripsThem() {
        var checked = EnrollmentRules.checkedAnswers(
                questions,
                Role.MENTEE,
                Map.of(
                        level.id(), Answer.choices(" Senior "),
                        topics.id(), Answer.choices("Go", "Java"),
                        ranked.id(), Answer.choices("Tech", "Career"),
                        years.id(), Answer.number(3.5),
                        note.id(), Answer.text("  Evenings  ")));

        assertThat(checked)
                .containsEntry(level.id(), Answer.choices("Senior"))
                .containsEntry(topics.id(), Answer.choices("Go", "Java"))
                .containsEntry(ranked.id(), Answer.choices("Tech", "Career"))
                .containsEntry(years.id(), Answer.number(3.5))
                .containsEntry(note.id(), Answer.text("Evenings"));
    }

    @Test
    void leavesOutEmptyAnswersToOptionalQuestions() {
        var checked = EnrollmentRules.checkedAnswers(
                questions,
                Role.MENTEE,
                Map.of(
                        level.id(),
                        Answer.choices("Junior"),
                        note.id(),
                        Answer.text("   "),
                        topics.id(),
                        Answer.choices()));

        assertThat(checked).containsOnlyKeys(level.id());
    }

    @Test
    void refusesAMissingRequiredAnswer() {
        assertThat(problems(Map.of())).containsExactly(Map.entry(level.id().toString(), "'Level' needs an answer."));
        assertThat(problems(Map.of(level.id(), Answer.choices(" "))))
                .containsEntry(level.id().toString(), "'Level' needs an answer.");
    }

    @Test
    void refusesASingleChoiceOfTwoOptionsOrAnUnknownOneOrANumber() {
        assertThat(problems(Map.of(level.id(), Answer.choices("Junior", "Senior"))))
                .containsEntry(level.id().toString(), "'Level' takes exactly one of its options.");
        assertThat(problems(Map.of(level.id(), Answer.choices("Expert"))))
                .containsEntry(
                        level.id().toString(), "'Expert' is not an option of 'Level'; choose from Junior, Senior.");
        assertThat(problems(Map.of(level.id(), Answer.number(1))))
                .containsEntry(level.id().toString(), "'Level' takes exactly one of its options.");
    }

    @Test
    void refusesAMultiChoiceWithAnUnknownOrRepeatedOption() {
        assertThat(problems(withLevel(topics.id(), Answer.choices("Java", "Cobol"))))
                .containsEntry(
                        topics.id().toString(), "'Cobol' is not an option of 'Topics'; choose from Java, Go, Rust.");
        assertThat(problems(withLevel(topics.id(), Answer.choices("Java", "Java"))))
                .containsEntry(topics.id().toString(), "'Topics' has 'Java' more than once; choose each option once.");
        assertThat(problems(withLevel(topics.id(), Answer.text("Java"))))
                .containsEntry(topics.id().toString(), "'Topics' takes one or more of its options.");
    }

    @Test
    void refusesARankedChoiceThatRepeatsOrInventsAnOption() {
        assertThat(problems(withLevel(ranked.id(), Answer.choices("Tech", "Tech"))))
                .containsEntry(
                        ranked.id().toString(), "'Priorities' has 'Tech' more than once; choose each option once.");
        assertThat(problems(withLevel(ranked.id(), Answer.choices("Money"))))
                .containsEntry(
                        ranked.id().toString(),
                        "'Money' is not an option of 'Priorities'; choose from Career, Tech, Life.");
        assertThat(problems(withLevel(ranked.id(), Answer.number(1))))
                .containsEntry(
                        ranked.id().toString(),
                        "'Priorities' takes its options in order of preference, at least the first choice.");
    }

    @Test
    void acceptsARankingOfAllOptions() {
        assertThat(problems(withLevel(ranked.id(), Answer.choices("Life", "Career", "Tech"))))
                .isEmpty();
    }

    @Test
    void refusesANumberThatIsNotFiniteOrNotANumber() {
        assertThat(problems(withLevel(years.id(), Answer.number(Double.NaN))))
                .containsEntry(years.id().toString(), "'Years' takes a finite number.");
        assertThat(problems(withLevel(years.id(), Answer.number(Double.POSITIVE_INFINITY))))
                .containsEntry(years.id().toString(), "'Years' takes a finite number.");
        assertThat(problems(withLevel(years.id(), Answer.choices("3"))))
                .containsEntry(years.id().toString(), "'Years' takes a number.");
    }

    @Test
    void refusesATextLongerThan4000Characters() {
        assertThat(problems(withLevel(note.id(), Answer.text("x".repeat(4000)))))
                .isEmpty();
        assertThat(problems(withLevel(note.id(), Answer.text("x".repeat(4001)))))
                .containsEntry(
                        note.id().toString(), "'Note' is answered in at most 4000 characters (this answer has 4001).");
        assertThat(problems(withLevel(note.id(), Answer.choices("x"))))
                .containsEntry(note.id().toString(), "'Note' takes a text.");
    }

    @Test
    void refusesAnswersToTheOtherRolesQuestionsAndToUnknownQuestions() {
        var unknown = UUID.randomUUID();
        var problems = problems(withLevel(seniority.id(), Answer.choices("Senior")));
        assertThat(problems)
                .containsEntry(seniority.id().toString(), "'Seniority' is answered by mentors, not by mentees.");
        assertThat(problems(withLevel(unknown, Answer.text("hi"))))
                .containsEntry(unknown.toString(), "This program has no question " + unknown + ".");
    }

    @Test
    void listsEveryProblemInTheRefusal() {
        assertThatThrownBy(() -> EnrollmentRules.checkedAnswers(
                        questions, Role.MENTEE, Map.of(years.id(), Answer.number(Double.NaN))))
                .isInstanceOfSatisfying(EnrollmentRefused.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(EnrollmentRefused.Kind.INVALID);
                    assertThat(refused.fieldErrors())
                            .containsOnlyKeys(level.id().toString(), years.id().toString());
                    assertThat(refused.getMessage())
                            .isEqualTo("'Level' needs an answer. 'Years' takes a finite number.");
                });
    }

    @Test
    void aMentorsCapacityDefaultsToTheProgramsAndStaysBetween1And100() {
        var program = program(ProgramKind.ONE_TO_ONE, null, 3);

        assertThat(EnrollmentRules.checkedCapacity(program, Role.MENTOR, null)).isEqualTo(3);
        assertThat(EnrollmentRules.checkedCapacity(program, Role.MENTOR, 1)).isEqualTo(1);
        assertThat(EnrollmentRules.checkedCapacity(program, Role.MENTOR, 100)).isEqualTo(100);
        assertThat(EnrollmentRules.capacityProblem(program, Role.MENTOR, 0))
                .isEqualTo("A mentor takes 1 to 100 mentees; 0 is not possible.");
        assertThat(EnrollmentRules.capacityProblem(program, Role.MENTOR, 101))
                .isEqualTo("A mentor takes 1 to 100 mentees; 101 is not possible.");
    }

    @Test
    void inAGroupProgramACapacityIsAtMostTheGroupSizeAndTheDefaultIsCappedByIt() {
        var program = program(ProgramKind.GROUP, 4, 6);

        assertThat(EnrollmentRules.checkedCapacity(program, Role.MENTOR, null)).isEqualTo(4);
        assertThat(EnrollmentRules.checkedCapacity(program, Role.MENTOR, 4)).isEqualTo(4);
        assertThatThrownBy(() -> EnrollmentRules.checkedCapacity(program, Role.MENTOR, 5))
                .isInstanceOfSatisfying(
                        EnrollmentRefused.class,
                        refused -> assertThat(refused.fieldErrors())
                                .containsEntry("capacity", "A group in Circle has at most 4 mentees; take at most 4."));
    }

    @Test
    void menteesHaveNoCapacity() {
        var program = program(ProgramKind.ONE_TO_ONE, null, 2);

        assertThat(EnrollmentRules.checkedCapacity(program, Role.MENTEE, null)).isNull();
        assertThat(EnrollmentRules.capacityProblem(program, Role.MENTEE, 2))
                .isEqualTo("Only mentors have a capacity; leave it out when enrolling as a mentee.");
    }

    private Map<UUID, Answer> withLevel(UUID question, Answer answer) {
        var answers = new HashMap<UUID, Answer>();
        answers.put(level.id(), Answer.choices("Junior"));
        answers.put(question, answer);
        return answers;
    }

    private Map<String, String> problems(Map<UUID, Answer> answers) {
        var errors = new LinkedHashMap<String, String>();
        EnrollmentRules.checkAnswers(questions, Role.MENTEE, answers, errors);
        return errors;
    }

    private static Program program(ProgramKind kind, Integer maxGroupSize, int defaultCapacity) {
        return new Program(
                new ProgramSettings(
                        "Circle", "", kind, maxGroupSize, null, null, MatchingMode.BOTH, defaultCapacity, 5, 14),
                "Test",
                Instant.now());
    }

    private static RegistrationQuestion question(
            int position, Role role, QuestionKind kind, String label, boolean required, String... options) {
        return new RegistrationQuestion(
                PROGRAM,
                position,
                new QuestionDefinition(role, kind, label, "", List.of(options), required, null, null));
    }
}
