package app.tandem.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import app.tandem.infra.Ports;
import java.net.URI;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

class LocalDevServicesIT {

    @TempDir
    Path dataDirectory;

    @Test
    void startsKeycloakOnTheLocalPostgresAndStopsBoth() throws SQLException {
        var context = context(Map.of());
        new LocalDevServices().initialize(context);
        var environment = context.getEnvironment();
        var keycloakUrl = environment.getProperty("tandem.identity.keycloak.base-url");
        var jdbcUrl = environment.getProperty("spring.datasource.url");

        assertThat(keycloakUrl).startsWith("http://localhost:");
        assertThat(environment.getProperty("tandem.identity.keycloak.realm")).isEqualTo("tandem");
        assertThat(environment.getProperty("tandem.identity.keycloak.admin-username"))
                .isEqualTo("admin");
        assertThat(dataDirectory.resolve("keycloak.log")).content().contains("Listening on");
        try (var connection = DriverManager.getConnection(jdbcUrl.replace("/tandem?", "/keycloak?"));
                var rows = connection.createStatement().executeQuery("select name from realm order by name")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("master");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("tandem");
        }

        context.refresh();
        context.close();

        assertThat(Ports.answers(URI.create(keycloakUrl).getPort())).isFalse();
        assertThat(Ports.answers(URI.create(jdbcUrl.substring("jdbc:".length())).getPort()))
                .isFalse();
    }

    @Test
    void leavesKeycloakAloneWhenOneIsConfigured() {
        var context = context(Map.of("tandem.identity.keycloak.base-url", "https://id.example"));
        new LocalDevServices().initialize(context);
        var environment = context.getEnvironment();

        assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql://");
        assertThat(environment.getProperty("tandem.identity.keycloak.base-url")).isEqualTo("https://id.example");
        assertThat(environment.containsProperty("tandem.identity.keycloak.admin-password"))
                .isFalse();
        assertThat(dataDirectory.resolve("keycloak.log")).doesNotExist();

        context.refresh();
        context.close();
    }

    @Test
    void startsTheDevMailboxAndPointsTheApplicationAtIt() {
        var context = context(Map.of(
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/none", "tandem.dev.keycloak.enabled", false));
        new LocalDevServices().initialize(context);
        var environment = context.getEnvironment();
        int smtpPort = environment.getProperty("spring.mail.port", Integer.class);
        var page = URI.create(environment.getProperty(LocalDevServices.MAILBOX_URL));

        assertThat(environment.getProperty("spring.mail.host")).isEqualTo("127.0.0.1");
        assertThat(Ports.answers(smtpPort)).isTrue();
        assertThat(Ports.answers(page.getPort())).isTrue();

        context.refresh();
        context.close();

        assertThat(Ports.answers(smtpPort)).isFalse();
        assertThat(Ports.answers(page.getPort())).isFalse();
    }

    @Test
    void leavesMailAloneWhenAnSmtpServerIsConfigured() {
        var context = context(Map.of(
                "spring.datasource.url",
                "jdbc:postgresql://127.0.0.1:1/none",
                "tandem.dev.keycloak.enabled",
                false,
                "spring.mail.host",
                "smtp.example"));
        new LocalDevServices().initialize(context);

        assertThat(context.getEnvironment().getProperty("spring.mail.host")).isEqualTo("smtp.example");
        assertThat(context.getEnvironment().containsProperty(LocalDevServices.MAILBOX_URL))
                .isFalse();
    }

    private GenericApplicationContext context(Map<String, Object> properties) {
        var context = new GenericApplicationContext();
        var settings = new HashMap<String, Object>(properties);
        settings.put("tandem.dev.data-dir", dataDirectory.toString());
        settings.put("tandem.dev.postgres-port", 0);
        settings.put("tandem.dev.keycloak-port", 0);
        settings.put("tandem.dev.smtp-port", 0);
        settings.put("tandem.dev.mailbox-port", 0);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", settings));
        return context;
    }
}
