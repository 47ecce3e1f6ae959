package app.tandem.mentoring.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.Role;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProgramFormTests {

    @Test
    void readsTheSettingsFormAndIgnoresAGroupSizeOutsideGroupPrograms() {
        var form = new ProgramForm("Pilot", "", "ONE_TO_ONE", "7", "2027-01-01", "2027-06-30", "SELF", "2", "5", "14");

        var settings = form.settings();

        assertThat(settings.maxGroupSize()).isNull();
        assertThat(settings.startsOn()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(settings.matchingMode()).isEqualTo(MatchingMode.SELF);
        assertThat(settings.defaultMentorCapacity()).isEqualTo(2);
    }

    @Test
    void aWordForANumberOrADateIsRefusedOnItsField() {
        assertThatThrownBy(() -> new ProgramForm("P", "", "GROUP", "many", "", "", "BOTH", "1", "5", "14").settings())
                .isInstanceOfSatisfying(
                        ProgramRefused.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("maxGroupSize"))
                .hasMessage("The maximum group size is a whole number, not 'many'.");
        assertThatThrownBy(() -> new ProgramForm("P", "", "FLASH", "", "soon", "", "BOTH", "1", "5", "14").settings())
                .isInstanceOfSatisfying(
                        ProgramRefused.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("startsOn"))
                .hasMessageContaining("'soon' is not a date");
        assertThatThrownBy(() -> new ProgramForm("P", "", "FLASH", "", "", "", "BOTH", "", "5", "14").settings())
                .isInstanceOfSatisfying(
                        ProgramRefused.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("defaultMentorCapacity"));
    }

    @Test
    void readsAQuestionWithOneOptionPerLine() {
        var form = new QuestionForm("MENTOR", "RANKED_CHOICE", "Topics", "", "Java\r\nGo\nRust", true, "VERY", "", "");

        var definition = form.definition();

        assertThat(definition.role()).isEqualTo(Role.MENTOR);
        assertThat(definition.kind()).isEqualTo(QuestionKind.RANKED_CHOICE);
        assertThat(definition.options()).containsExactly("Java", "Go", "Rust");
        assertThat(definition.importance()).isEqualTo(Importance.VERY);
        assertThat(definition.required()).isTrue();
        assertThat(form.pairWith()).isNull();
    }
}
