package app.tandem.tenantadmin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of tenant administration ({@code tandem.tenantadmin.*}).
 *
 * @param signup self-service sign-up on the platform site
 * @param deletion how tenants scheduled for deletion are deleted
 * @param console how the operator console lists the fleet
 */
@ConfigurationProperties("tandem.tenantadmin")
public record TenantAdminProperties(
        @DefaultValue SignUp signup,
        @DefaultValue Deletion deletion,
        @DefaultValue Console console) {

    /**
     * @param maxPerClient how many organizations one client (one IP address, as the load balancer reports it) may
     *     sign up within {@code window}; re-submitting a sign-up that is already under way does not count. Counted in
     *     the database, so the limit holds across every node
     * @param window the period over which {@code maxPerClient} counts
     * @param clientKey the key of the HMAC that turns a client's IP address into the hash stored with its sign-ups
     *     (environment only); without one a built-in key is used, which keeps addresses out of plain sight but lets
     *     anyone who knows the key match a hash against a list of addresses
     */
    public record SignUp(
            @DefaultValue("5") int maxPerClient,
            @DefaultValue("1h") Duration window,
            String clientKey) {}

    /**
     * @param gracePeriod how long after an operator schedules a deletion the tenant's data is dropped, unless the
     *     operator asks for another period; until then the deletion can be cancelled and the data exported
     * @param maxGracePeriod the longest grace period an operator may ask for
     * @param checkInterval how often the deletion job looks for tenants whose deletion is due
     */
    public record Deletion(
            @DefaultValue("30d") Duration gracePeriod,
            @DefaultValue("365d") Duration maxGracePeriod,
            @DefaultValue("1h") Duration checkInterval) {}

    /**
     * @param pageSize how many tenants a page of the console's list shows unless the request asks for another size
     * @param activityRefreshInterval how often the member counts and last activity of every tenant are read into the
     *     fleet snapshot the list is sorted and filtered by (one query per hundred tenants)
     */
    public record Console(
            @DefaultValue("50") int pageSize,
            @DefaultValue("10m") Duration activityRefreshInterval) {}
}
