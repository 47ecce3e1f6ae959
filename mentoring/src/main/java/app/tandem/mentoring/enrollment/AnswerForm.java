package app.tandem.mentoring.enrollment;

import app.tandem.mentoring.matching.Answer;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.program.RegistrationQuestion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.util.MultiValueMap;

/**
 * The answers of an enrollment form: each question's values under {@code answer-<question id>} (several for multi and
 * ranked choices, in order), kept as typed so that a refused form comes back with them.
 */
record AnswerForm(Map<String, List<String>> values, Map<UUID, Answer> answers, Map<String, String> errors) {

    static final String PREFIX = "answer-";

    /** Reads the answers to {@code questions} from the form; a number that is not one is an error of its question. */
    static AnswerForm read(List<RegistrationQuestion> questions, MultiValueMap<String, String> form) {
        var values = new LinkedHashMap<String, List<String>>();
        var answers = new LinkedHashMap<UUID, Answer>();
        var errors = new LinkedHashMap<String, String>();
        for (var question : questions) {
            var raw = form.getOrDefault(PREFIX + question.id(), List.of());
            values.put(question.id().toString(), List.copyOf(raw));
            var given =
                    raw.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
            if (given.isEmpty()) {
                continue;
            }
            switch (question.kind()) {
                case NUMBER -> {
                    try {
                        answers.put(question.id(), Answer.number(Double.parseDouble(given.get(0))));
                    } catch (NumberFormatException e) {
                        errors.put(
                                question.id().toString(),
                                "'" + question.label() + "' takes a number; '" + given.get(0) + "' is not one.");
                    }
                }
                case TEXT -> answers.put(question.id(), Answer.text(given.get(0)));
                default -> answers.put(question.id(), Answer.choices(given));
            }
        }
        return new AnswerForm(values, answers, errors);
    }

    /** The form's values for an enrollment's stored answers. */
    static Map<String, List<String>> valuesOf(Map<UUID, Answer> answers) {
        var values = new LinkedHashMap<String, List<String>>();
        answers.forEach((question, answer) -> {
            var list = new ArrayList<String>(answer.options());
            if (answer.number() != null) {
                list.add(number(answer.number()));
            }
            if (answer.text() != null) {
                list.add(answer.text());
            }
            values.put(question.toString(), list);
        });
        return values;
    }

    /** An answer in words, for summaries: options joined (ranked ones numbered), the number, or the text. */
    static String summary(QuestionKind kind, Answer answer) {
        if (answer == null) {
            return "";
        }
        if (answer.number() != null) {
            return number(answer.number());
        }
        if (answer.text() != null) {
            return answer.text();
        }
        if (kind == QuestionKind.RANKED_CHOICE) {
            var ranked = new ArrayList<String>();
            for (int i = 0; i < answer.options().size(); i++) {
                ranked.add((i + 1) + ". " + answer.options().get(i));
            }
            return String.join(" ", ranked);
        }
        return String.join(", ", answer.options());
    }

    private static String number(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
