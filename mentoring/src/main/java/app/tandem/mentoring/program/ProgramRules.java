package app.tandem.mentoring.program;

import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.QuestionKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What makes program settings and registration questions acceptable, and a program ready to open for enrollment.
 * Each check names the form field it is about and says what to enter instead; nothing here touches storage.
 */
final class ProgramRules {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MIN_GROUP = 2;
    static final int MAX_GROUP = 100;
    static final int MAX_CAPACITY = 100;
    static final int MAX_PENDING_REQUESTS = 50;
    static final int MAX_EXPIRY_DAYS = 365;
    static final int MAX_LABEL = 300;
    static final int MAX_HELP = 1000;
    static final int MIN_OPTIONS = 2;
    static final int MAX_OPTIONS = 50;
    static final int MAX_OPTION = 100;

    private ProgramRules() {}

    /** The settings as they will be stored (name and description stripped), or the first reason they cannot be. */
    static ProgramSettings validSettings(ProgramSettings settings) {
        if (settings == null) {
            throw ProgramRefused.invalid("Give the program's name, kind and matching mode.");
        }
        var name = settings.name() == null ? "" : settings.name().strip();
        if (name.isEmpty()) {
            throw ProgramRefused.invalid("name", "Give the program a name.");
        }
        if (name.length() > MAX_NAME) {
            throw ProgramRefused.invalid(
                    "name",
                    "A program's name is at most " + MAX_NAME + " characters long (this one has " + name.length()
                            + ").");
        }
        var description =
                settings.description() == null ? "" : settings.description().strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw ProgramRefused.invalid(
                    "description",
                    "A description is at most " + MAX_DESCRIPTION + " characters long (this one has "
                            + description.length() + ").");
        }
        if (settings.kind() == null) {
            throw ProgramRefused.invalid("kind", "Choose the kind of program: one-to-one, group or flash.");
        }
        var group = settings.maxGroupSize();
        if (settings.kind() == ProgramKind.GROUP) {
            if (group == null) {
                throw ProgramRefused.invalid(
                        "maxGroupSize",
                        "A group program needs a maximum group size (" + MIN_GROUP + "–" + MAX_GROUP + ").");
            }
            if (group < MIN_GROUP || group > MAX_GROUP) {
                throw ProgramRefused.invalid(
                        "maxGroupSize",
                        "The maximum group size is between " + MIN_GROUP + " and " + MAX_GROUP + ", not " + group
                                + ".");
            }
        } else if (group != null) {
            throw ProgramRefused.invalid(
                    "maxGroupSize",
                    "Only group programs have a maximum group size; leave it empty for a " + kindName(settings.kind())
                            + " program.");
        }
        if (settings.startsOn() != null
                && settings.endsOn() != null
                && settings.endsOn().isBefore(settings.startsOn())) {
            throw ProgramRefused.invalid(
                    "endsOn",
                    "The program cannot end (" + settings.endsOn() + ") before it starts (" + settings.startsOn()
                            + ").");
        }
        if (settings.matchingMode() == null) {
            throw ProgramRefused.invalid(
                    "matchingMode", "Choose who makes matches: mentees by request, coordinators, or both.");
        }
        var capacity = settings.defaultMentorCapacity();
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw ProgramRefused.invalid(
                    "defaultMentorCapacity",
                    "A mentor's default capacity is between 1 and " + MAX_CAPACITY + ", not " + capacity + ".");
        }
        if (settings.kind() == ProgramKind.GROUP && capacity > group) {
            throw ProgramRefused.invalid(
                    "defaultMentorCapacity",
                    "A mentor's default capacity (" + capacity + ") cannot be larger than the maximum group size ("
                            + group + ").");
        }
        var cap = settings.pendingRequestCap();
        if (cap < 1 || cap > MAX_PENDING_REQUESTS) {
            throw ProgramRefused.invalid(
                    "pendingRequestCap",
                    "A mentee may have between 1 and " + MAX_PENDING_REQUESTS + " pending requests, not " + cap + ".");
        }
        var expiry = settings.requestExpiryDays();
        if (expiry < 1 || expiry > MAX_EXPIRY_DAYS) {
            throw ProgramRefused.invalid(
                    "requestExpiryDays",
                    "Requests expire after between 1 and " + MAX_EXPIRY_DAYS + " days, not " + expiry + ".");
        }
        return new ProgramSettings(
                name,
                description,
                settings.kind(),
                group,
                settings.startsOn(),
                settings.endsOn(),
                settings.matchingMode(),
                capacity,
                cap,
                expiry);
    }

    /**
     * The definition as it will be stored (texts stripped; options only for choice questions; a range only for
     * numbers), or the first reason it cannot be.
     */
    static QuestionDefinition validQuestion(QuestionDefinition definition) {
        if (definition == null) {
            throw ProgramRefused.invalidQuestion("label", "Give the question's role, kind and label.");
        }
        if (definition.role() == null) {
            throw ProgramRefused.invalidQuestion("role", "Choose who answers the question: mentors or mentees.");
        }
        if (definition.kind() == null) {
            throw ProgramRefused.invalidQuestion(
                    "kind", "Choose how the question is answered: single, multiple or ranked choice, number or text.");
        }
        var label = definition.label() == null ? "" : definition.label().strip();
        if (label.isEmpty()) {
            throw ProgramRefused.invalidQuestion("label", "Give the question a label: what people are asked.");
        }
        if (label.length() > MAX_LABEL) {
            throw ProgramRefused.invalidQuestion(
                    "label", "A question's label is at most " + MAX_LABEL + " characters long.");
        }
        var help = definition.help() == null ? "" : definition.help().strip();
        if (help.length() > MAX_HELP) {
            throw ProgramRefused.invalidQuestion(
                    "help", "A question's help text is at most " + MAX_HELP + " characters long.");
        }
        var kind = definition.kind();
        List<String> options = isChoice(kind) ? validOptions(definition.options()) : List.of();
        var importance = definition.importance();
        Double range = kind == QuestionKind.NUMBER ? definition.numberRange() : null;
        if (kind == QuestionKind.TEXT && importance != null) {
            throw ProgramRefused.invalidQuestion(
                    "importance",
                    "Free-text answers are shown to people but never scored: leave the importance empty.");
        }
        if (range != null && (range.isNaN() || range.isInfinite() || range <= 0)) {
            throw ProgramRefused.invalidQuestion(
                    "numberRange", "The range is a positive number: how far apart two answers may be and still count.");
        }
        if (kind == QuestionKind.NUMBER && importance != null && range == null) {
            throw ProgramRefused.invalidQuestion(
                    "numberRange",
                    "A number question that feeds matching needs a range: how far apart two answers may be and still"
                            + " count.");
        }
        return new QuestionDefinition(
                definition.role(), kind, label, help, options, definition.required(), importance, range);
    }

    private static List<String> validOptions(List<String> given) {
        var options = given.stream()
                .map(option -> option == null ? "" : option.strip())
                .filter(option -> !option.isEmpty())
                .toList();
        if (options.size() < MIN_OPTIONS) {
            throw ProgramRefused.invalidQuestion(
                    "options", "A choice question needs at least " + MIN_OPTIONS + " options, one per line.");
        }
        if (options.size() > MAX_OPTIONS) {
            throw ProgramRefused.invalidQuestion(
                    "options",
                    "A choice question has at most " + MAX_OPTIONS + " options, not " + options.size() + ".");
        }
        var seen = new HashSet<String>();
        for (var option : options) {
            if (option.length() > MAX_OPTION) {
                throw ProgramRefused.invalidQuestion(
                        "options",
                        "An option is at most " + MAX_OPTION + " characters long: '" + abbreviate(option)
                                + "' is longer.");
            }
            if (!seen.add(option.toLowerCase(Locale.ROOT))) {
                throw ProgramRefused.invalidQuestion("options", "The option '" + option + "' is listed twice.");
            }
        }
        return options;
    }

    /**
     * What stands between the questions and opening the program for enrollment: each question with an importance is
     * paired, choice questions have enough options, and number questions that feed matching have a range. Empty when
     * nothing does.
     */
    static List<String> problemsBeforeEnrolling(List<RegistrationQuestion> questions) {
        Map<UUID, RegistrationQuestion> byId =
                questions.stream().collect(Collectors.toMap(RegistrationQuestion::id, Function.identity()));
        var problems = new ArrayList<String>();
        for (var question : questions) {
            var label = "'" + question.label() + "'";
            if (isChoice(question.kind()) && question.options().size() < MIN_OPTIONS) {
                problems.add(label + " needs at least " + MIN_OPTIONS + " options");
            }
            if (question.importance() == null) {
                continue;
            }
            var partner = question.pairedQuestionId() == null ? null : byId.get(question.pairedQuestionId());
            if (partner == null) {
                problems.add(label + " has an importance but is not paired with a "
                        + (question.role().name().equals("MENTOR") ? "mentee" : "mentor")
                        + " question: pair it or take its importance away");
            } else if (partner.kind() != question.kind() || partner.role() == question.role()) {
                problems.add(label + " is paired with '" + partner.label()
                        + "', which is not a question of the same kind on the other side");
            }
            if (question.kind() == QuestionKind.NUMBER
                    && (question.numberRange() == null || !(question.numberRange() > 0))) {
                problems.add(label + " feeds matching but has no range");
            }
        }
        return problems;
    }

    static boolean isChoice(QuestionKind kind) {
        return kind == QuestionKind.SINGLE_CHOICE
                || kind == QuestionKind.MULTI_CHOICE
                || kind == QuestionKind.RANKED_CHOICE;
    }

    /** The importance a pair reads, in words. */
    static String describe(Importance importance) {
        return importance == null ? "none" : importance.name().toLowerCase(Locale.ROOT);
    }

    static String kindName(ProgramKind kind) {
        return switch (kind) {
            case ONE_TO_ONE -> "one-to-one";
            case GROUP -> "group";
            case FLASH -> "flash";
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 30 ? text : text.substring(0, 30) + "…";
    }
}
