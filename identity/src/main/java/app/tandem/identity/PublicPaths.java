package app.tandem.identity;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Paths that anyone may use without signing in, contributed by the module that serves them as a bean (for example
 * sign-up on the platform site). Everything not declared public needs a signed-in member, or an operator under
 * {@code /operator}. Patterns are Spring path patterns, such as {@code /signup/**}.
 *
 * @param method the HTTP method they are public for, or null for every method
 * @param patterns the path patterns
 */
public record PublicPaths(HttpMethod method, List<String> patterns) {

    public PublicPaths {
        patterns = List.copyOf(patterns);
    }

    /** These patterns, public for every method. */
    public static PublicPaths of(String... patterns) {
        return new PublicPaths(null, List.of(patterns));
    }

    /** These patterns, public for {@code method} only (e.g. reading a public API resource). */
    public static PublicPaths of(HttpMethod method, String... patterns) {
        return new PublicPaths(method, List.of(patterns));
    }
}
