package app.tandem.mentoring.matching;

import static app.tandem.mentoring.matching.MatchingFixtures.MENTEE_LANGUAGES;
import static app.tandem.mentoring.matching.MatchingFixtures.MENTOR_LANGUAGES;
import static app.tandem.mentoring.matching.MatchingFixtures.answers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuggestionsTests {

    private final Scoring scoring =
            new Scoring(List.of(QuestionPair.of(MENTOR_LANGUAGES, MENTEE_LANGUAGES, Importance.VERY)), Exclusions.NONE);

    private static Participant mentor(String id, int freePlaces, String... languages) {
        return Participant.mentor(id, "p-" + id, freePlaces, answers(MENTOR_LANGUAGES, Answer.choices(languages)));
    }

    private static Participant mentee(String id, String... languages) {
        return Participant.mentee(id, "p-" + id, answers(MENTEE_LANGUAGES, Answer.choices(languages)));
    }

    @Test
    void suggestsTheBestMentorsWithFreePlacesFirstWithReasons() {
        var suggestions = new Suggestions(
                scoring,
                List.of(
                        mentor("full", 0, "en"),
                        mentor("half", 1, "en", "de"),
                        mentor("exact", 2, "en"),
                        mentor("third", 1, "en", "de", "fr")));

        List<PairAssessment> top = suggestions.forMentee(mentee("a", "en"), 2);

        assertThat(top).extracting(s -> s.mentor().id()).containsExactly("exact", "half");
        assertThat(top).extracting(PairAssessment::points).containsExactly(10_000, 5_000);
        assertThat(top.get(1).reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.overlap()).containsExactly("en");
            assertThat(reason.weight()).isEqualTo(5);
        });
    }

    @Test
    void leavesOutMentorsWhosePairIsFilteredOut() {
        var self = Participant.mentor("me-as-mentor", "me", 1, answers(MENTOR_LANGUAGES, Answer.choices("en")));
        var suggestions = new Suggestions(scoring, List.of(self, mentor("other", 1, "en")));

        var top = suggestions.forMentee(
                Participant.mentee("me-as-mentee", "me", answers(MENTEE_LANGUAGES, Answer.choices("en"))), 5);

        assertThat(top).extracting(s -> s.mentor().id()).containsExactly("other");
    }

    @Test
    void neverFeaturesAMentorToMoreMenteesThanFreePlaces() {
        var program = MatchingFixtures.randomProgram(3, 8, 40, false);
        var suggestions = new Suggestions(program.scoring(), program.mentors());

        Map<String, List<PairAssessment>> featured = suggestions.forMentees(program.mentees(), 3);

        Map<String, Integer> times = new HashMap<>();
        featured.values()
                .forEach(list -> list.forEach(s -> times.merge(s.mentor().id(), 1, Integer::sum)));
        for (Participant mentor : program.mentors()) {
            assertThat(times.getOrDefault(mentor.id(), 0)).isLessThanOrEqualTo(mentor.freePlaces());
        }
        assertThat(featured).hasSize(40);
        assertThat(featured.values()).allSatisfy(list -> assertThat(list).hasSizeLessThanOrEqualTo(3));
        assertThat(times.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(program.mentors().stream()
                        .mapToInt(Participant::freePlaces)
                        .sum());
    }

    @Test
    void featuresAMentorToTheBestFittingMenteeFirst() {
        var suggestions = new Suggestions(scoring, List.of(mentor("x", 1, "en")));

        var featured = suggestions.forMentees(List.of(mentee("loose", "en", "fr"), mentee("close", "en")), 1);

        assertThat(featured.get("close")).extracting(s -> s.mentor().id()).containsExactly("x");
        assertThat(featured.get("loose")).isEmpty();
    }
}
