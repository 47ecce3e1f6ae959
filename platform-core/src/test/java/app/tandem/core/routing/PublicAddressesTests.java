package app.tandem.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import app.tandem.core.CoreProperties;
import app.tandem.core.tenant.HostName;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicAddressesTests {

    @Test
    void productionAddressesAreHttpsOnTheDefaultPort() {
        var addresses = addresses("https", null);

        assertThat(addresses.baseUrl(HostName.of("acme.tandem.example"))).hasToString("https://acme.tandem.example");
        assertThat(addresses.apexBaseUrl()).hasToString("https://tandem.example");
    }

    @Test
    void aConfiguredPortIsNamed() {
        assertThat(addresses("http", 8080).baseUrl(HostName.of("acme.tandem.example")))
                .hasToString("http://acme.tandem.example:8080");
    }

    @Test
    void portZeroMeansThePortThisServerListensOnOnceItListens() {
        var addresses = addresses("http", 0);
        assertThat(addresses.apexBaseUrl()).hasToString("http://tandem.example");

        addresses.serverListensOn(43123);

        assertThat(addresses.baseUrl(HostName.of("acme.tandem.example")))
                .hasToString("http://acme.tandem.example:43123");
    }

    private static PublicAddresses addresses(String scheme, Integer port) {
        return new PublicAddresses(new CoreProperties(
                "tandem.example",
                List.of(),
                new CoreProperties.PublicUrl(scheme, port),
                Duration.ofSeconds(5),
                null,
                null,
                null,
                null,
                null));
    }
}
