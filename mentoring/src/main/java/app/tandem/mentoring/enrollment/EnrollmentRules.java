package app.tandem.mentoring.enrollment;

import app.tandem.mentoring.matching.Answer;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.Program;
import app.tandem.mentoring.program.ProgramKind;
import app.tandem.mentoring.program.RegistrationQuestion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What makes an enrollment's answers and a mentor's capacity acceptable. Answers are checked against the program's
 * questions for the enrolling role: a required question needs an answer; a single choice is exactly one known option;
 * a multi choice one or more distinct known options; a ranked choice a distinct ordering of some or all known options;
 * a number is finite; a text at most {@value #MAX_TEXT} characters. Answers to the other role's questions, or to no
 * question of the program, are refused.
 */
public final class EnrollmentRules {

    public static final int MAX_TEXT = 4000;
    public static final int MIN_CAPACITY = 1;
    public static final int MAX_CAPACITY = 100;

    private EnrollmentRules() {}

    /**
     * The answers as they will be stored (texts and options stripped, empty answers left out).
     *
     * @throws EnrollmentRefused listing every wrong or missing answer by question id
     */
    public static Map<UUID, Answer> checkedAnswers(
            List<RegistrationQuestion> questions, Role role, Map<UUID, Answer> answers) {
        var errors = new LinkedHashMap<String, String>();
        var checked = checkAnswers(questions, role, answers, errors);
        if (!errors.isEmpty()) {
            throw EnrollmentRefused.invalid(errors);
        }
        return checked;
    }

    /** The capacity a mentor takes: the one given, or the program's default; refused out of range. */
    public static Integer checkedCapacity(Program program, Role role, Integer capacity) {
        var problem = capacityProblem(program, role, capacity);
        if (problem != null) {
            throw EnrollmentRefused.invalid("capacity", problem);
        }
        if (role != Role.MENTOR) {
            return null;
        }
        if (capacity != null) {
            return capacity;
        }
        var fallback = program.defaultMentorCapacity();
        return program.kind() == ProgramKind.GROUP && program.maxGroupSize() != null
                ? Math.min(fallback, program.maxGroupSize())
                : fallback;
    }

    /** What is wrong with a capacity for this role in this program, or null; {@code null} capacity means default. */
    static String capacityProblem(Program program, Role role, Integer capacity) {
        if (capacity == null) {
            return null;
        }
        if (role != Role.MENTOR) {
            return "Only mentors have a capacity; leave it out when enrolling as a mentee.";
        }
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) {
            return "A mentor takes " + MIN_CAPACITY + " to " + MAX_CAPACITY + " mentees; " + capacity
                    + " is not possible.";
        }
        if (program.kind() == ProgramKind.GROUP
                && program.maxGroupSize() != null
                && capacity > program.maxGroupSize()) {
            return "A group in " + program.name() + " has at most " + program.maxGroupSize() + " mentees; take at most "
                    + program.maxGroupSize() + ".";
        }
        return null;
    }

    static Map<UUID, Answer> checkAnswers(
            List<RegistrationQuestion> questions,
            Role role,
            Map<UUID, Answer> answers,
            LinkedHashMap<String, String> errors) {
        Map<UUID, RegistrationQuestion> byId =
                questions.stream().collect(Collectors.toMap(RegistrationQuestion::id, Function.identity()));
        var given = answers == null ? Map.<UUID, Answer>of() : answers;
        for (var id : given.keySet()) {
            var question = id == null ? null : byId.get(id);
            if (question == null) {
                errors.put(String.valueOf(id), "This program has no question " + id + ".");
            } else if (question.role() != role) {
                errors.put(
                        id.toString(),
                        "'" + question.label() + "' is answered by " + plural(question.role()) + ", not by "
                                + plural(role) + ".");
            }
        }
        var checked = new LinkedHashMap<UUID, Answer>();
        for (var question : questions) {
            if (question.role() != role) {
                continue;
            }
            var answer = normalised(given.get(question.id()));
            var field = question.id().toString();
            if (answer == null) {
                if (question.required()) {
                    errors.put(field, "'" + question.label() + "' needs an answer.");
                }
                continue;
            }
            var problem = problem(question, answer);
            if (problem != null) {
                errors.put(field, problem);
            } else {
                checked.put(question.id(), answer);
            }
        }
        return checked;
    }

    /** The answer with texts and options stripped, or null when it says nothing (no option, number or text). */
    private static Answer normalised(Answer answer) {
        if (answer == null) {
            return null;
        }
        var options = answer.options().stream()
                .map(String::strip)
                .filter(option -> !option.isEmpty())
                .toList();
        var text = answer.text() == null || answer.text().isBlank()
                ? null
                : answer.text().strip();
        if (options.isEmpty() && answer.number() == null && text == null) {
            return null;
        }
        return new Answer(options, answer.number(), text);
    }

    private static String problem(RegistrationQuestion question, Answer answer) {
        var label = "'" + question.label() + "'";
        var options = answer.options();
        return switch (question.kind()) {
            case SINGLE_CHOICE -> {
                if (answer.number() != null || answer.text() != null || options.size() != 1) {
                    yield label + " takes exactly one of its options.";
                }
                yield unknownOption(question, options);
            }
            case MULTI_CHOICE -> {
                if (answer.number() != null || answer.text() != null || options.isEmpty()) {
                    yield label + " takes one or more of its options.";
                }
                var unknown = unknownOption(question, options);
                yield unknown != null ? unknown : duplicate(label, options);
            }
            case RANKED_CHOICE -> {
                if (answer.number() != null || answer.text() != null || options.isEmpty()) {
                    yield label + " takes its options in order of preference, at least the first choice.";
                }
                var unknown = unknownOption(question, options);
                yield unknown != null ? unknown : duplicate(label, options);
            }
            case NUMBER -> {
                if (answer.number() == null || !options.isEmpty() || answer.text() != null) {
                    yield label + " takes a number.";
                }
                yield Double.isFinite(answer.number()) ? null : label + " takes a finite number.";
            }
            case TEXT -> {
                if (answer.text() == null || !options.isEmpty() || answer.number() != null) {
                    yield label + " takes a text.";
                }
                yield answer.text().length() > MAX_TEXT
                        ? label + " is answered in at most " + MAX_TEXT + " characters (this answer has "
                                + answer.text().length() + ")."
                        : null;
            }
        };
    }

    private static String unknownOption(RegistrationQuestion question, List<String> options) {
        var known = question.options();
        for (var option : options) {
            if (!known.contains(option)) {
                return "'" + option + "' is not an option of '" + question.label() + "'; choose from "
                        + String.join(", ", known) + ".";
            }
        }
        return null;
    }

    private static String duplicate(String label, List<String> options) {
        var seen = new HashSet<String>();
        var twice = new ArrayList<String>();
        for (var option : options) {
            if (!seen.add(option)) {
                twice.add(option);
            }
        }
        return twice.isEmpty() ? null : label + " has '" + twice.get(0) + "' more than once; choose each option once.";
    }

    private static String plural(Role role) {
        return role == Role.MENTOR ? "mentors" : "mentees";
    }
}
