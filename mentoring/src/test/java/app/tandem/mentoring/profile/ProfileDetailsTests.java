package app.tandem.mentoring.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileDetailsTests {

    @Test
    void storesStrippedTextTagsAndLanguageCodes() {
        var checked = details(
                        " Engineer ", List.of(" Java", "", "Kotlin "), "Europe/Berlin", List.of("German", " EN "), 12)
                .checked();

        assertThat(checked.headline()).isEqualTo("Engineer");
        assertThat(checked.skills()).containsExactly("Java", "Kotlin");
        assertThat(checked.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(checked.languages()).containsExactly("de", "en");
        assertThat(checked.languageNames()).containsExactly("German", "English");
        assertThat(checked.yearsOfExperience()).isEqualTo(12);
    }

    @Test
    void readsCommaSeparatedTags() {
        assertThat(ProfileDetails.tags("Java, Go ,Rust")).containsExactly("Java", " Go ", "Rust");
        assertThat(ProfileDetails.tags("  ")).isEmpty();
    }

    @Test
    void refusesTagsThatRepeatIgnoringCaseOrAreTooLongOrTooMany() {
        assertThat(errors(details("", List.of("Java", "java"), null, List.of(), null)))
                .containsEntry("skills", "'java' is listed twice in your skills.");
        assertThat(errors(details("", List.of("x".repeat(51)), null, List.of(), null)))
                .containsEntry(
                        "skills",
                        "Each of your skills is at most 50 characters long; '" + "x".repeat(20) + "…' is longer.");
        var many = java.util.stream.IntStream.rangeClosed(1, 31)
                .mapToObj(i -> "tag" + i)
                .toList();
        assertThat(errors(details("", many, null, List.of(), null)))
                .containsEntry("skills", "List at most 30 skills (you listed 31).");
    }

    @Test
    void refusesAnUnknownTimeZoneOrLanguageAndYearsOutOfRange() {
        var errors = errors(details("", List.of(), "Mars/Olympus", List.of("Klingon"), 71));

        assertThat(errors)
                .containsEntry(
                        "timeZone",
                        "'Mars/Olympus' is not a time zone; write one such as Europe/Berlin or America/New_York.")
                .containsEntry(
                        "languages",
                        "'Klingon' is not a language; write an ISO 639-1 code such as en or de, or the English name"
                                + " such as German.")
                .containsEntry("yearsOfExperience", "Years of experience are between 0 and 70.");
        assertThat(errors(details("", List.of(), null, List.of(), -1))).containsKey("yearsOfExperience");
        assertThat(details("", List.of(), null, List.of(), 70).checked().yearsOfExperience())
                .isEqualTo(70);
    }

    @Test
    void refusesTextOverItsLength() {
        assertThat(errors(details("x".repeat(151), List.of(), null, List.of(), null)))
                .containsEntry("headline", "A headline is at most 150 characters long (this one has 151).");
        assertThat(details("x".repeat(150), List.of(), null, List.of(), null)
                        .checked()
                        .headline())
                .hasSize(150);
    }

    @Test
    void anEmptyProfileIsBlank() {
        assertThat(ProfileDetails.empty().blank()).isTrue();
        assertThat(ProfileDetails.empty().checked()).isEqualTo(ProfileDetails.empty());
    }

    private static ProfileDetails details(
            String headline, List<String> skills, String timeZone, List<String> languages, Integer years) {
        return new ProfileDetails(headline, "", skills, List.of(), "", "", "", timeZone, languages, years);
    }

    private static java.util.Map<String, String> errors(ProfileDetails details) {
        try {
            details.checked();
            return Collections.emptyMap();
        } catch (ProfileRefused refused) {
            return refused.fieldErrors();
        }
    }
}
