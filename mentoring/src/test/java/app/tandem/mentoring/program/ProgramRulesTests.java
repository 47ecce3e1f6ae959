package app.tandem.mentoring.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProgramRulesTests {

    static ProgramSettings settings(ProgramKind kind, Integer group, int capacity) {
        return new ProgramSettings("  Pilot  ", null, kind, group, null, null, MatchingMode.BOTH, capacity, 5, 14);
    }

    static ProgramSettings withName(String name) {
        return new ProgramSettings(name, "", ProgramKind.ONE_TO_ONE, null, null, null, MatchingMode.BOTH, 1, 5, 14);
    }

    @Test
    void acceptsGoodSettingsAndStripsTheTexts() {
        var valid = ProgramRules.validSettings(settings(ProgramKind.GROUP, 6, 6));

        assertThat(valid.name()).isEqualTo("Pilot");
        assertThat(valid.description()).isEmpty();
        assertThat(valid.maxGroupSize()).isEqualTo(6);
    }

    @Test
    void refusesANameThatIsEmptyOrLongerThan200Characters() {
        assertRefused(withName("   "), "name", "Give the program a name.");
        assertRefused(withName("x".repeat(201)), "name", "at most 200 characters");
        assertThat(ProgramRules.validSettings(withName("x".repeat(200))).name()).hasSize(200);
    }

    @Test
    void refusesADescriptionLongerThan4000Characters() {
        var settings = new ProgramSettings(
                "P", "d".repeat(4001), ProgramKind.ONE_TO_ONE, null, null, null, MatchingMode.BOTH, 1, 5, 14);
        assertRefused(settings, "description", "at most 4000 characters");
    }

    @Test
    void aGroupProgramNeedsAGroupSizeFrom2To100AndOthersNone() {
        assertRefused(settings(ProgramKind.GROUP, null, 1), "maxGroupSize", "needs a maximum group size");
        assertRefused(settings(ProgramKind.GROUP, 1, 1), "maxGroupSize", "between 2 and 100, not 1");
        assertRefused(settings(ProgramKind.GROUP, 101, 1), "maxGroupSize", "between 2 and 100, not 101");
        assertRefused(settings(ProgramKind.ONE_TO_ONE, 4, 1), "maxGroupSize", "Only group programs");
        assertRefused(settings(ProgramKind.FLASH, 4, 1), "maxGroupSize", "flash program");
    }

    @Test
    void theDefaultCapacityIsFrom1To100AndAtMostTheGroupSize() {
        assertRefused(settings(ProgramKind.ONE_TO_ONE, null, 0), "defaultMentorCapacity", "between 1 and 100, not 0");
        assertRefused(settings(ProgramKind.ONE_TO_ONE, null, 101), "defaultMentorCapacity", "not 101");
        assertRefused(settings(ProgramKind.GROUP, 5, 6), "defaultMentorCapacity", "larger than the maximum group size");
        assertThat(ProgramRules.validSettings(settings(ProgramKind.ONE_TO_ONE, null, 100))
                        .defaultMentorCapacity())
                .isEqualTo(100);
    }

    @Test
    void theEndIsNotBeforeTheStart() {
        var backwards = new ProgramSettings(
                "P",
                "",
                ProgramKind.ONE_TO_ONE,
                null,
                LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 2, 28),
                MatchingMode.BOTH,
                1,
                5,
                14);
        assertRefused(backwards, "endsOn", "cannot end (2027-02-28) before it starts (2027-03-01)");
        var oneDay = new ProgramSettings(
                "P",
                "",
                ProgramKind.FLASH,
                null,
                LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 3, 1),
                MatchingMode.BOTH,
                1,
                5,
                14);
        assertThat(ProgramRules.validSettings(oneDay).endsOn()).isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void theRequestCapIsFrom1To50AndTheExpiryFrom1To365Days() {
        assertRefused(caps(0, 14), "pendingRequestCap", "between 1 and 50 pending requests, not 0");
        assertRefused(caps(51, 14), "pendingRequestCap", "not 51");
        assertRefused(caps(5, 0), "requestExpiryDays", "between 1 and 365 days, not 0");
        assertRefused(caps(5, 366), "requestExpiryDays", "not 366");
        assertThat(ProgramRules.validSettings(caps(50, 365)).requestExpiryDays())
                .isEqualTo(365);
    }

    @Test
    void kindAndMatchingModeAreRequired() {
        assertRefused(
                new ProgramSettings("P", "", null, null, null, null, MatchingMode.BOTH, 1, 5, 14),
                "kind",
                "Choose the kind");
        assertRefused(
                new ProgramSettings("P", "", ProgramKind.ONE_TO_ONE, null, null, null, null, 1, 5, 14),
                "matchingMode",
                "Choose who makes matches");
    }

    @Test
    void choiceQuestionsNeed2To50DistinctOptionsOfUpTo100Characters() {
        assertQuestionRefused(choice(List.of("Only")), "options", "at least 2 options");
        assertQuestionRefused(
                choice(IntStream.range(0, 51).mapToObj(i -> "o" + i).toList()),
                "options",
                "at most 50 options, not 51");
        assertQuestionRefused(choice(List.of("Java", "java ")), "options", "'java' is listed twice");
        assertQuestionRefused(choice(List.of("Java", "x".repeat(101))), "options", "at most 100 characters");

        var valid = ProgramRules.validQuestion(choice(List.of(" Java ", "", "Go")));
        assertThat(valid.options()).containsExactly("Java", "Go");
    }

    @Test
    void freeTextNeverFeedsMatching() {
        var text = new QuestionDefinition(
                Role.MENTOR, QuestionKind.TEXT, "Anything else?", "", List.of(), false, Importance.VERY, null);
        assertQuestionRefused(text, "importance", "never scored");
    }

    @Test
    void aWeightedNumberQuestionNeedsAPositiveRange() {
        assertQuestionRefused(number(Importance.MUST, null), "numberRange", "needs a range");
        assertQuestionRefused(number(Importance.VERY, 0.0), "numberRange", "positive number");
        assertQuestionRefused(number(null, -3.0), "numberRange", "positive number");
        assertThat(ProgramRules.validQuestion(number(Importance.VERY, 5.0)).numberRange())
                .isEqualTo(5.0);
        assertThat(ProgramRules.validQuestion(number(null, null)).importance()).isNull();
    }

    @Test
    void optionsAndRangesAreDroppedWhereTheKindHasNone() {
        var number = new QuestionDefinition(
                Role.MENTEE, QuestionKind.NUMBER, "Years", "", List.of("a", "b"), false, null, 3.0);
        var choice = new QuestionDefinition(
                Role.MENTEE, QuestionKind.SINGLE_CHOICE, "Lang", "", List.of("a", "b"), false, null, 3.0);

        assertThat(ProgramRules.validQuestion(number).options()).isEmpty();
        assertThat(ProgramRules.validQuestion(choice).numberRange()).isNull();
    }

    @Test
    void aQuestionNeedsRoleKindAndALabelOfUpTo300Characters() {
        assertQuestionRefused(
                new QuestionDefinition(null, QuestionKind.TEXT, "L", "", List.of(), false, null, null),
                "role",
                "mentors or mentees");
        assertQuestionRefused(
                new QuestionDefinition(Role.MENTOR, null, "L", "", List.of(), false, null, null), "kind", "Choose how");
        assertQuestionRefused(
                new QuestionDefinition(Role.MENTOR, QuestionKind.TEXT, " ", "", List.of(), false, null, null),
                "label",
                "Give the question a label");
        assertQuestionRefused(
                new QuestionDefinition(
                        Role.MENTOR, QuestionKind.TEXT, "l".repeat(301), "", List.of(), false, null, null),
                "label",
                "at most 300");
        assertQuestionRefused(
                new QuestionDefinition(
                        Role.MENTOR, QuestionKind.TEXT, "L", "h".repeat(1001), List.of(), false, null, null),
                "help",
                "at most 1000");
    }

    @Test
    void aProgramIsReadyWhenEveryWeightedQuestionIsPairedOnTheOtherSide() {
        var programId = UUID.randomUUID();
        var mentor = new RegistrationQuestion(programId, 0, choiceFor(Role.MENTOR, Importance.VERY));
        var mentee = new RegistrationQuestion(programId, 1, choiceFor(Role.MENTEE, Importance.VERY));
        var note = new RegistrationQuestion(
                programId,
                2,
                new QuestionDefinition(Role.MENTEE, QuestionKind.TEXT, "Note", "", List.of(), false, null, null));

        assertThat(ProgramRules.problemsBeforeEnrolling(List.of(mentor, mentee, note)))
                .containsExactly(
                        "'Topics for MENTOR' has an importance but is not paired with a mentee question: pair it or"
                                + " take its importance away",
                        "'Topics for MENTEE' has an importance but is not paired with a mentor question: pair it or"
                                + " take its importance away");

        mentor.pairWith(mentee.id());
        mentee.pairWith(mentor.id());
        assertThat(ProgramRules.problemsBeforeEnrolling(List.of(mentor, mentee, note)))
                .isEmpty();
        assertThat(ProgramRules.problemsBeforeEnrolling(List.of())).isEmpty();
    }

    private static QuestionDefinition choiceFor(Role role, Importance importance) {
        return new QuestionDefinition(
                role,
                QuestionKind.MULTI_CHOICE,
                "Topics for " + role,
                "",
                List.of("Java", "Go"),
                true,
                importance,
                null);
    }

    private static ProgramSettings caps(int cap, int expiry) {
        return new ProgramSettings(
                "P", "", ProgramKind.ONE_TO_ONE, null, null, null, MatchingMode.SELF, 1, cap, expiry);
    }

    private static QuestionDefinition choice(List<String> options) {
        return new QuestionDefinition(
                Role.MENTEE, QuestionKind.SINGLE_CHOICE, "Language", "", options, true, Importance.MUST, null);
    }

    private static QuestionDefinition number(Importance importance, Double range) {
        return new QuestionDefinition(
                Role.MENTEE, QuestionKind.NUMBER, "Years", "", List.of(), false, importance, range);
    }

    private static void assertRefused(ProgramSettings settings, String field, String message) {
        assertThatThrownBy(() -> ProgramRules.validSettings(settings))
                .isInstanceOfSatisfying(
                        ProgramRefused.class,
                        refused -> assertThat(refused.fieldErrors()).containsOnlyKeys(field))
                .hasMessageContaining(message);
    }

    private static void assertQuestionRefused(QuestionDefinition definition, String field, String message) {
        assertThatThrownBy(() -> ProgramRules.validQuestion(definition))
                .isInstanceOfSatisfying(
                        ProgramRefused.class,
                        refused -> assertThat(refused.fieldErrors()).containsOnlyKeys(field))
                .hasMessageContaining(message);
    }
}
