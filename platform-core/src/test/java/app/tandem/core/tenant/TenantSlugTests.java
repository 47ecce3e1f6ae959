package app.tandem.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSlugTests {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "abc", "a1b", "national-mentors", "school-42-west", "x9z"})
    void acceptsLowercaseLettersDigitsAndInnerHyphens(String slug) {
        assertThat(TenantSlug.of(slug).value()).isEqualTo(slug);
    }

    @Test
    void acceptsExactlyFortyCharacters() {
        var forty = "a".repeat(40);
        assertThat(TenantSlug.of(forty).value()).hasSize(40);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "acme;drop schema x",
                "acme'; drop schema platform cascade; --",
                "../x",
                "..",
                "acme/../../etc",
                "\"acme\"",
                "'acme'",
                "acme.evil",
                "acme evil",
                "acme_corp",
                "acme\u0000",
                "acme%20",
                "${jndi:x}"
            })
    void refusesInjectionAttempts(String slug) {
        assertThatThrownBy(() -> TenantSlug.of(slug))
                .isInstanceOf(InvalidTenantInput.class)
                .hasMessageContaining("address")
                .satisfies(error ->
                        assertThat(((InvalidTenantInput) error).field()).isEqualTo("slug"));
    }

    @Test
    void refusesUppercaseAndSuggestsTheLowercaseForm() {
        assertThatThrownBy(() -> TenantSlug.of("Acme"))
                .isInstanceOf(InvalidTenantInput.class)
                .hasMessageContaining("lowercase")
                .hasMessageContaining("\"acme\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u0430cme", // Cyrillic a
                "acm\u0435", // Cyrillic e
                "\u0101cme", // a with macron
                "acme\u200b", // zero-width space
                "\uff41cme", // fullwidth a
                "xn--acme-\u00e9"
            })
    void refusesUnicodeLookAlikesInsteadOfNormalisingThem(String slug) {
        assertThatThrownBy(() -> TenantSlug.of(slug))
                .isInstanceOf(InvalidTenantInput.class)
                .hasMessageContaining("look-alike");
    }

    @ParameterizedTest
    @ValueSource(strings = {"www", "api", "app", "admin", "platform", "mail", "auth", "status", "keycloak", "template"})
    void refusesReservedWordsByName(String slug) {
        assertThatThrownBy(() -> TenantSlug.of(slug))
                .isInstanceOf(InvalidTenantInput.class)
                .hasMessage("The address \"" + slug + "\" is reserved by the platform; please choose another.");
    }

    @Test
    void explainsLengthHyphenAndEmptinessProblems() {
        assertThatThrownBy(() -> TenantSlug.of("ab")).hasMessageContaining("3 to 40 characters");
        assertThatThrownBy(() -> TenantSlug.of("a".repeat(41))).hasMessageContaining("(it is 41)");
        assertThatThrownBy(() -> TenantSlug.of("-acme")).hasMessageContaining("start or end with a hyphen");
        assertThatThrownBy(() -> TenantSlug.of("acme-")).hasMessageContaining("start or end with a hyphen");
        assertThatThrownBy(() -> TenantSlug.of("ac--me")).hasMessageContaining("two hyphens in a row");
        assertThatThrownBy(() -> TenantSlug.of("")).hasMessageContaining("Choose an address");
        assertThatThrownBy(() -> TenantSlug.of(null)).hasMessageContaining("Choose an address");
    }
}
