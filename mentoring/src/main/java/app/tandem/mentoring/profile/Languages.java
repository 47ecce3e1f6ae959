package app.tandem.mentoring.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Languages as profiles store them: ISO 639-1 codes ({@code en}, {@code de}). People may type a code or the language's
 * English name; both become the code, and pages show the English name.
 */
public final class Languages {

    private static final Map<String, String> CODES = Arrays.stream(Locale.getISOLanguages())
            .collect(Collectors.toUnmodifiableMap(Function.identity(), Function.identity()));

    private static final Map<String, String> BY_NAME = Arrays.stream(Locale.getISOLanguages())
            .collect(Collectors.toUnmodifiableMap(
                    code -> name(code).toLowerCase(Locale.ROOT), Function.identity(), (first, second) -> first));

    private Languages() {}

    /** The ISO 639-1 code for a code or an English language name, any case; empty when it is neither. */
    public static Optional<String> code(String codeOrName) {
        if (codeOrName == null) {
            return Optional.empty();
        }
        var key = codeOrName.strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(CODES.get(key)).or(() -> Optional.ofNullable(BY_NAME.get(key)));
    }

    /** The English name of a language code, e.g. {@code German} for {@code de}. */
    @SuppressWarnings("deprecation") // Locale.of is Java 19+; the project builds for Java 17.
    public static String name(String code) {
        var name = new Locale(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }
}
