package app.tandem.core.audit;

import java.util.Objects;

/**
 * Who did something: a member (their member id and name), an operator, or the platform itself.
 *
 * @param id a stable id of the actor, such as a member id or a Keycloak user id
 * @param name the name shown in the trail
 */
public record Actor(String id, String name) {

    /** The platform acting on its own: jobs, provisioning, imports started by nobody in particular. */
    public static final Actor SYSTEM = new Actor("system", "Tandem");

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
