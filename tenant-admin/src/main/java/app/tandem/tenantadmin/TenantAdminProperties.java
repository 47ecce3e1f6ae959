package app.tandem.tenantadmin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of tenant administration ({@code tandem.tenantadmin.*}).
 *
 * @param deletion how tenants scheduled for deletion are deleted
 * @param console how the operator console lists the fleet
 */
@ConfigurationProperties("tandem.tenantadmin")
public record TenantAdminProperties(
        @DefaultValue Deletion deletion, @DefaultValue Console console) {

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
