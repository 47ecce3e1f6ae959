package app.tandem.mentoring.matching;

import static app.tandem.mentoring.matching.MatchingFixtures.MENTEE_LANGUAGES;
import static app.tandem.mentoring.matching.MatchingFixtures.MENTOR_LANGUAGES;
import static app.tandem.mentoring.matching.MatchingFixtures.answers;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BulkMatchingTests {

    @BeforeAll
    static void loadOrTools() {
        Loader.loadNativeLibraries();
    }

    @Test
    void equalsTheOrToolsOptimumOnRandomProgramsWhereGreedyIsSometimesWorse() {
        int greedyWorse = 0;
        for (long seed = 1; seed <= 30; seed++) {
            var program = MatchingFixtures.randomProgram(
                    seed, 5 + (int) (seed % 7), 10 + (int) (seed * 3 % 25), seed % 3 == 0);
            PairScores scores = program.scores();

            MatchingResult optimal = new BulkMatching().match(scores);
            MatchingResult greedy = new GreedyMatching().match(scores);
            Reference reference = orTools(scores);

            assertThat(optimal.totalPoints()).as("seed %d", seed).isEqualTo(reference.totalPoints());
            assertThat(optimal.matches()).as("seed %d", seed).hasSize(reference.matches());
            assertRespectsCapacitiesAndFilters(scores, optimal);
            assertRespectsCapacitiesAndFilters(scores, greedy);
            assertThat(greedy.totalPoints()).isLessThanOrEqualTo(optimal.totalPoints());
            if (greedy.totalPoints() < optimal.totalPoints()) {
                greedyWorse++;
            }
        }
        assertThat(greedyWorse).isPositive();
    }

    @Test
    void equalsTheOrToolsOptimumOnLargerProgramsWithMoreMenteesThanPlaces() {
        for (long seed = 100; seed < 105; seed++) {
            var program = MatchingFixtures.randomProgram(seed, 40, 150, seed % 2 == 0);
            PairScores scores = program.scores();

            MatchingResult optimal = new BulkMatching().match(scores);
            Reference reference = orTools(scores);

            assertThat(optimal.totalPoints()).as("seed %d", seed).isEqualTo(reference.totalPoints());
            assertThat(optimal.matches()).as("seed %d", seed).hasSize(reference.matches());
            assertRespectsCapacitiesAndFilters(scores, optimal);
        }
    }

    @Test
    void explainsEveryProposedMatch() {
        var program = MatchingFixtures.randomProgram(5, 6, 12, false);

        MatchingResult result = new BulkMatching().match(program.scores());

        assertThat(result.matches()).isNotEmpty().allSatisfy(match -> {
            assertThat(match.reasons())
                    .hasSize(program.scoring().questionPairs().size());
            assertThat(match).isEqualTo(program.scoring().assess(match.mentor(), match.mentee()));
        });
    }

    @Test
    void beatsGreedyWhereTheBestMentorIsTheOnlyOneForAnotherMentee() {
        // Mentee a fits mentors x and y equally well; mentee b is blocked from y, so x is the only one for b.
        var scoring = new Scoring(
                List.of(QuestionPair.of(MENTOR_LANGUAGES, MENTEE_LANGUAGES, Importance.VERY)),
                new Exclusions(java.util.Set.of(), java.util.Set.of(new PersonPair("py", "pb"))));
        var x = Participant.mentor("x", "px", 1, answers(MENTOR_LANGUAGES, Answer.choices("en")));
        var y = Participant.mentor("y", "py", 1, answers(MENTOR_LANGUAGES, Answer.choices("en")));
        var a = Participant.mentee("a", "pa", answers(MENTEE_LANGUAGES, Answer.choices("en")));
        var b = Participant.mentee("b", "pb", answers(MENTEE_LANGUAGES, Answer.choices("en", "fr")));
        var scores = PairScores.of(scoring, List.of(x, y), List.of(a, b));

        MatchingResult optimal = new BulkMatching().match(scores);
        MatchingResult greedy = new GreedyMatching().match(scores);

        assertThat(pairs(optimal)).containsEntry("a", "y").containsEntry("b", "x");
        assertThat(optimal.totalPoints()).isEqualTo(10_000 + 5_000);
        assertThat(pairs(greedy)).containsEntry("a", "x").doesNotContainKey("b");
        assertThat(greedy.totalPoints()).isEqualTo(10_000);
    }

    @Test
    void listsUnmatchedMenteesWithTheReason() {
        var scoring = new Scoring(
                List.of(QuestionPair.of(MENTOR_LANGUAGES, MENTEE_LANGUAGES, Importance.MUST)), Exclusions.NONE);
        var mentor = Participant.mentor("x", "px", 1, answers(MENTOR_LANGUAGES, Answer.choices("en")));
        var first = Participant.mentee("a", "pa", answers(MENTEE_LANGUAGES, Answer.choices("en")));
        var second = Participant.mentee("b", "pb", answers(MENTEE_LANGUAGES, Answer.choices("en")));
        var nobody = Participant.mentee("c", "pc", answers(MENTEE_LANGUAGES, Answer.choices("fr")));

        MatchingResult result =
                new BulkMatching().match(PairScores.of(scoring, List.of(mentor), List.of(first, second, nobody)));

        assertThat(result.matches()).hasSize(1);
        assertThat(result.unmatched())
                .extracting(u -> u.mentee().id(), UnmatchedMentee::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("b", UnmatchedMentee.Reason.ALL_ALLOWED_MENTORS_FULL),
                        org.assertj.core.groups.Tuple.tuple("c", UnmatchedMentee.Reason.NO_ALLOWED_MENTOR));
    }

    @Test
    void matchesAMenteeWhoseOnlyAllowedMentorScoresZero() {
        var scoring = new Scoring(
                List.of(QuestionPair.of(MENTOR_LANGUAGES, MENTEE_LANGUAGES, Importance.VERY)), Exclusions.NONE);
        var mentor = Participant.mentor("x", "px", 1, answers(MENTOR_LANGUAGES, Answer.choices("en")));
        var mentee = Participant.mentee("a", "pa", answers(MENTEE_LANGUAGES, Answer.choices("fr")));

        MatchingResult result = new BulkMatching().match(PairScores.of(scoring, List.of(mentor), List.of(mentee)));

        assertThat(result.matches())
                .singleElement()
                .extracting(PairAssessment::points)
                .isEqualTo(0);
    }

    @Test
    void neverGivesAMentorMoreMenteesThanFreePlaces() {
        var program = MatchingFixtures.randomProgram(99, 10, 60, false);
        PairScores scores = program.scores();

        MatchingResult result = new BulkMatching().match(scores);

        assertRespectsCapacitiesAndFilters(scores, result);
        int places =
                program.mentors().stream().mapToInt(Participant::freePlaces).sum();
        assertThat(result.matches()).hasSizeLessThanOrEqualTo(places);
        assertThat(result.matches().size() + result.unmatched().size()).isEqualTo(60);
    }

    private static void assertRespectsCapacitiesAndFilters(PairScores scores, MatchingResult result) {
        Map<String, Integer> load = new HashMap<>();
        for (PairAssessment match : result.matches()) {
            assertThat(match.allowed()).isTrue();
            load.merge(match.mentor().id(), 1, Integer::sum);
        }
        for (Participant mentor : scores.mentors()) {
            assertThat(load.getOrDefault(mentor.id(), 0)).isLessThanOrEqualTo(mentor.freePlaces());
        }
        assertThat(result.matches()).extracting(m -> m.mentee().id()).doesNotHaveDuplicates();
    }

    private static Map<String, String> pairs(MatchingResult result) {
        Map<String, String> pairs = new HashMap<>();
        result.matches().forEach(m -> pairs.put(m.mentee().id(), m.mentor().id()));
        return pairs;
    }

    record Reference(long totalPoints, int matches) {}

    /** The same lexicographic objective as BulkMatching (points first, then matches) through OR-Tools. */
    static Reference orTools(PairScores scores) {
        int mentees = scores.mentees().size();
        int mentors = scores.mentors().size();
        long k = mentees + 1L;
        int source = 0;
        int sink = 1 + mentees + mentors;
        MinCostFlow flow = new MinCostFlow();
        for (int e = 0; e < mentees; e++) {
            flow.addArcWithCapacityAndUnitCost(source, 1 + e, 1, 0);
            flow.addArcWithCapacityAndUnitCost(1 + e, sink, 1, 0);
            for (int m = 0; m < mentors; m++) {
                int points = scores.points(e, m);
                if (points != PairScores.FILTERED) {
                    flow.addArcWithCapacityAndUnitCost(1 + e, 1 + mentees + m, 1, -(points * k + 1));
                }
            }
        }
        IntStream.range(0, mentors)
                .forEach(m -> flow.addArcWithCapacityAndUnitCost(
                        1 + mentees + m, sink, scores.mentors().get(m).freePlaces(), 0));
        flow.setNodeSupply(source, mentees);
        flow.setNodeSupply(sink, -mentees);
        assertThat(flow.solve()).isEqualTo(MinCostFlowBase.Status.OPTIMAL);
        long weight = -flow.getOptimalCost();
        return new Reference(weight / k, (int) (weight % k));
    }
}
