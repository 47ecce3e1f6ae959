package app.tandem.infra.postgres;

import java.util.Map;

/** Where a database is and how to log in to it, as Spring's {@code spring.datasource.*} properties want it. */
public record DatabaseCoordinates(String jdbcUrl, String username, String password) {

    /** The datasource properties that point Spring Boot at this database. */
    public Map<String, Object> asDataSourceProperties() {
        return Map.of(
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", username,
                "spring.datasource.password", password);
    }
}
