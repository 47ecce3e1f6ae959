package app.tandem.identity;

import app.tandem.core.tenant.TenantSlug;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The identity provider as the domain needs it: one organization per tenant (alias = tenant slug), the tenant hosts
 * the browser login may return to, people and their organization membership. Every change is idempotent, so a caller
 * may repeat it after a crash. Failures are {@link IdentityProviderUnavailable} (try again later) or
 * {@link IdentityConflict} (the provider holds something that contradicts the request).
 */
public interface IdentityDirectory {

    /** Creates the tenant's organization, or finds the one that already has this alias; returns its id. */
    String createOrganization(TenantSlug slug, String name);

    /** The id of the tenant's organization, if it has one. */
    Optional<String> findOrganization(TenantSlug slug);

    /** Deletes the tenant's organization with its memberships (not its users); nothing happens if it is absent. */
    void deleteOrganization(TenantSlug slug);

    /**
     * Lets the browser login (and the logout) return to {@code <baseUrl>/*} and accepts {@code baseUrl} as a web
     * origin; {@code baseUrl} is a host's public address such as {@code https://acme.tandem.app}.
     */
    void registerAddress(URI baseUrl);

    /** Undoes {@link #registerAddress}; nothing happens if the address is not registered. */
    void unregisterAddress(URI baseUrl);

    /** The id of the user with this email (compared without case), if there is one. */
    Optional<String> findUser(String email);

    /**
     * The id of the user with this email (compared without case), created if there is none. A new user must verify
     * the email and choose a password on first login.
     */
    String findOrCreateUser(String email, String firstName, String lastName);

    /**
     * Emails the user a link to perform {@code actions} (such as {@code VERIFY_EMAIL}, {@code UPDATE_PASSWORD}), after
     * which the browser goes to {@code redirectUri} when it is present. Needs the realm's SMTP server.
     */
    void sendActionsEmail(String userId, List<String> actions, Optional<String> redirectUri);

    /**
     * Gives the user a password they can sign in with at once (no required actions left, email taken as verified).
     * For demo data and bootstrap accounts; people invited by email choose their own password.
     */
    void setPassword(String userId, String password);

    /** Gives the user the realm role {@code platform-operator}; nothing happens if they have it. */
    void grantOperatorRole(String userId);

    /** Makes the user a member of the tenant's organization; nothing happens if they already are. */
    void addMember(TenantSlug slug, String userId);

    /** Ends the user's membership of the tenant's organization; nothing happens if there is none. */
    void removeMember(TenantSlug slug, String userId);

    /** Whether the user belongs to the tenant's organization; false when the tenant has no organization. */
    boolean isMember(TenantSlug slug, String userId);
}
