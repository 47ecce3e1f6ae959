package app.tandem.infra.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Tandem realm as {@code infra/deploy/keycloak/tandem-realm.json} describes it (on the classpath as
 * {@value #RESOURCE}), with its {@code ${NAME}} / {@code ${NAME:default}} placeholders filled in — the syntax that
 * Keycloak's own {@code --import-realm} resolves from environment variables, so the file works both ways.
 */
final class TandemRealm {

    static final String RESOURCE = "keycloak/tandem-realm.json";
    static final String SMTP_PORT_VARIABLE = "TANDEM_SMTP_PORT";

    /** What {@link #ensureOn(KeycloakAdminApi)} found. */
    enum Outcome {
        CREATED,
        EXISTED
    }

    private static final Logger log = LoggerFactory.getLogger(TandemRealm.class);
    // Upper-case names only: the realm file also holds Keycloak message keys such as ${role_offline-access}.
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final String ORGANIZATION_MAPPER = "oidc-organization-membership-mapper";

    private final String json;
    private final JsonNode representation;

    private TandemRealm(String json) {
        this.json = json;
        this.representation = KeycloakAdminApi.JSON.readTree(json);
    }

    /** The realm file with its placeholders taken from {@code variables}, else from their defaults. */
    static TandemRealm load(Map<String, String> variables) {
        try (InputStream in = TandemRealm.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath; it is copied there from"
                        + " infra/deploy/keycloak by the Maven build of infra.");
            }
            return new TandemRealm(fill(new String(in.readAllBytes(), StandardCharsets.UTF_8), variables));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    static String fill(String template, Map<String, String> variables) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        var filled = new StringBuilder();
        while (matcher.find()) {
            var value = variables.getOrDefault(matcher.group(1), matcher.group(2));
            if (value == null) {
                throw new IllegalStateException(
                        "The realm file uses ${" + matcher.group(1) + "}, which has neither a value nor a default");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    String name() {
        return representation.path("realm").asString();
    }

    String json() {
        return json;
    }

    String webClientId() {
        return webClient().path("clientId").asString();
    }

    String webClientSecret() {
        return webClient().path("secret").asString();
    }

    private JsonNode webClient() {
        for (var client : representation.path("clients").values()) {
            if (client.path("clientId").asString().equals("tandem-web")) {
                return client;
            }
        }
        throw new IllegalStateException(RESOURCE + " has no client tandem-web");
    }

    /**
     * Makes sure the server has this realm: creates it when it is missing and leaves an existing one as it is. Either
     * way it then makes the {@code organization} claim carry each organization's id (see
     * {@link #ensureOrganizationIdInTokens}).
     */
    Outcome ensureOn(KeycloakAdminApi admin) {
        var outcome = Outcome.EXISTED;
        if (admin.find("/admin/realms/" + name()).isEmpty()) {
            // 409: a concurrent caller created it between our check and our POST, which is just as good.
            outcome = admin.post("/admin/realms", json) == 201 ? Outcome.CREATED : Outcome.EXISTED;
            log.info("Keycloak realm {} {}", name(), outcome == Outcome.CREATED ? "created" : "already existed");
        }
        ensureOrganizationIdInTokens(admin);
        return outcome;
    }

    /**
     * Sets {@code addOrganizationId} (JSON claim type) on the mapper of Keycloak's built-in {@code organization} client
     * scope, so that tokens carry {@code {"<alias>": {"id": "<organization id>"}}} and tenants are bound by id. The
     * realm file cannot say this itself: declaring any {@code clientScopes} in it stops Keycloak from creating its
     * built-in scopes ({@code basic}, {@code roles}, ...) and from attaching them to its own clients.
     */
    void ensureOrganizationIdInTokens(KeycloakAdminApi admin) {
        var scopesPath = "/admin/realms/" + name() + "/client-scopes";
        for (var scope : admin.get(scopesPath).values()) {
            if (!scope.path("name").asString().equals("organization")) {
                continue;
            }
            for (var mapper : scope.path("protocolMappers").values()) {
                if (!mapper.path("protocolMapper").asString().equals(ORGANIZATION_MAPPER)) {
                    continue;
                }
                var config = (ObjectNode) mapper.path("config");
                if (config.path("addOrganizationId").asString().equals("true")
                        && config.path("jsonType.label").asString().equals("JSON")) {
                    return;
                }
                config.put("addOrganizationId", "true");
                config.put("jsonType.label", "JSON");
                admin.put(
                        scopesPath + "/" + scope.path("id").asString() + "/protocol-mappers/models/"
                                + mapper.path("id").asString(),
                        mapper);
                log.info("Keycloak realm {}: the organization claim now carries organization ids", name());
                return;
            }
        }
        throw new IllegalStateException("Realm " + name() + " has no client scope 'organization' with an"
                + " organization membership mapper. Keycloak creates it with the realm when the organization"
                + " feature is on (the default in Keycloak 26); was the realm created without it?");
    }
}
