package app.tandem.tenantadmin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of tenant administration ({@code tandem.tenantadmin.*}).
 *
 * @param signup self-service sign-up on the platform site
 */
@ConfigurationProperties("tandem.tenantadmin")
public record TenantAdminProperties(@DefaultValue SignUp signup) {

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
}
