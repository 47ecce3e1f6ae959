package app.tandem.mentoring.matching;

import java.util.List;

/**
 * A participant's answer to one question: the chosen options (in order of preference for a ranked question), a
 * number, or free text.
 *
 * @param options the chosen options; empty for number and text answers
 * @param number the number for a number answer, otherwise {@code null}
 * @param text the free text, otherwise {@code null}
 */
public record Answer(List<String> options, Double number, String text) {

    public Answer {
        options = List.copyOf(options);
    }

    /** Chosen options; for a ranked question, most preferred first. */
    public static Answer choices(String... options) {
        return new Answer(List.of(options), null, null);
    }

    /** Chosen options; for a ranked question, most preferred first. */
    public static Answer choices(List<String> options) {
        return new Answer(options, null, null);
    }

    public static Answer number(double number) {
        return new Answer(List.of(), number, null);
    }

    public static Answer text(String text) {
        return new Answer(List.of(), null, text);
    }
}
