package app.tandem.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostNameTests {

    @ParameterizedTest
    @ValueSource(strings = {"mentoring.example.org", "acme.localhost", "xn--bcher-kva.example", "a.b", "x-1.y-2.z"})
    void acceptsDnsHostNames(String host) {
        assertThat(HostName.of(host).value()).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "acme.example.org;drop schema x",
                "../x",
                "acme.example.org/../x",
                "acme.example.org:8080",
                "user@acme.example.org",
                "https://acme.example.org",
                "\"acme.example.org\"",
                "acme..example.org",
                ".acme.example.org",
                "-acme.example.org",
                "*.example.org",
                "acme",
                "192.168.1.10"
            })
    void refusesAnythingButAPlainHostName(String host) {
        assertThatThrownBy(() -> HostName.of(host))
                .isInstanceOf(InvalidTenantInput.class)
                .satisfies(error ->
                        assertThat(((InvalidTenantInput) error).field()).isEqualTo("host"));
    }

    @Test
    void refusesUppercaseAndUnicodeWithAdvice() {
        assertThatThrownBy(() -> HostName.of("Acme.Example.org")).hasMessageContaining("acme.example.org");
        assertThatThrownBy(() -> HostName.of("\u0430cme.example.org")).hasMessageContaining("ASCII form");
    }

    @Test
    void refusesOverlongNamesAndLabels() {
        assertThatThrownBy(() -> HostName.of("a".repeat(64) + ".example.org")).hasMessageContaining("1 to 63");
        assertThatThrownBy(() -> HostName.of(("a".repeat(60) + ".").repeat(5) + "org"))
                .hasMessageContaining("253");
    }

    @Test
    void normalisesRequestHostsForLookup() {
        assertThat(HostName.normaliseRequestHost("Acme.LocalHost.")).isEqualTo("acme.localhost");
        assertThat(HostName.normaliseRequestHost("")).isNull();
        assertThat(HostName.normaliseRequestHost(null)).isNull();
    }

    @Test
    void knowsWhetherItLiesBelowADomain() {
        assertThat(HostName.of("acme.localhost").isBelow("localhost")).isTrue();
        assertThat(HostName.of("evillocalhost.org").isBelow("localhost")).isFalse();
    }
}
