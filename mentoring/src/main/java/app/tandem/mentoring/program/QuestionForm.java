package app.tandem.mentoring.program;

import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.Role;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A registration question as the question editor sends it; options come one per line. */
record QuestionForm(
        String role,
        String kind,
        String label,
        String help,
        String options,
        Boolean required,
        String importance,
        String numberRange,
        String pairedQuestionId) {

    static QuestionForm blank() {
        return new QuestionForm(Role.MENTEE.name(), QuestionKind.SINGLE_CHOICE.name(), "", "", "", false, "", "", "");
    }

    static QuestionForm of(RegistrationQuestion question) {
        return new QuestionForm(
                question.role().name(),
                question.kind().name(),
                question.label(),
                question.help(),
                String.join("\n", question.options()),
                question.required(),
                question.importance() == null ? "" : question.importance().name(),
                question.numberRange() == null ? "" : format(question.numberRange()),
                question.pairedQuestionId() == null
                        ? ""
                        : question.pairedQuestionId().toString());
    }

    QuestionDefinition definition() {
        return new QuestionDefinition(
                ProgramForm.choice(Role.class, role, "role", "Choose who answers the question."),
                ProgramForm.choice(QuestionKind.class, kind, "kind", "Choose how the question is answered."),
                label,
                help,
                options == null ? List.of() : Arrays.asList(options.split("\\R")),
                Boolean.TRUE.equals(required),
                ProgramForm.choice(Importance.class, importance, "importance", "Choose an importance."),
                range());
    }

    /** The question to pair the new one with, if one was chosen. */
    UUID pairWith() {
        if (pairedQuestionId == null || pairedQuestionId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(pairedQuestionId.strip());
        } catch (IllegalArgumentException e) {
            throw ProgramRefused.invalidQuestion("pairedQuestionId", "Choose a question of this program to pair with.");
        }
    }

    private Double range() {
        if (numberRange == null || numberRange.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(numberRange.strip());
        } catch (NumberFormatException e) {
            throw ProgramRefused.invalidQuestion(
                    "numberRange", "The range is a number, not '" + numberRange.strip() + "'.");
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
