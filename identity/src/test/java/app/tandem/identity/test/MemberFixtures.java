package app.tandem.identity.test;

import app.tandem.core.context.TenantScope;
import app.tandem.core.routing.PublicAddresses;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.identity.IdentityDirectory;
import app.tandem.identity.OrgRole;
import app.tandem.identity.member.MemberView;
import app.tandem.identity.member.Members;
import app.tandem.identity.security.BrowserSessions;
import app.tandem.infra.keycloak.TestKeycloak;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * People for identity tests: Keycloak users with a password, members of a tenant's organization with a role, and the
 * real access tokens their logins get. No stereotype: tests {@code @Import} it (as {@link IdentityIntegrationTest}
 * does), so local runs never pick it up.
 */
public class MemberFixtures {

    public static final String PASSWORD = "test-password-1";

    private static final AtomicInteger counter = new AtomicInteger();

    private final IdentityDirectory directory;
    private final Members members;
    private final TenantRegistry registry;
    private final PublicAddresses addresses;

    MemberFixtures(IdentityDirectory directory, Members members, TenantRegistry registry, PublicAddresses addresses) {
        this.directory = directory;
        this.members = members;
        this.registry = registry;
        this.addresses = addresses;
    }

    /** A person: their Keycloak user and, when they are a member of a tenant, their member id there. */
    public record Account(String userId, String email, String password, String displayName, UUID memberId) {}

    /** A new Keycloak user who belongs to the tenant's organization and is its member with this role. */
    public Account member(Tenant tenant, OrgRole role) {
        var person = person(role.name().toLowerCase().replace('_', '-'));
        directory.addMember(tenant.slug(), person.userId());
        MemberView member = TenantScope.get(tenant.id(), () -> members.add(person.email(), person.displayName(), role));
        return new Account(person.userId(), person.email(), PASSWORD, person.displayName(), member.id());
    }

    /** A new Keycloak user who can sign in and belongs to no organization. */
    public Account outsider() {
        return person("outsider");
    }

    private Account person(String prefix) {
        var n = counter.incrementAndGet();
        var email = prefix + "-" + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var first = Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1);
        var last = "Person" + n;
        var userId = directory.findOrCreateUser(email, first, last);
        directory.setPassword(userId, PASSWORD);
        return new Account(userId, email, PASSWORD, first + " " + last, null);
    }

    /** The access token the account's login on the tenant's host gets (scope {@code organization:<slug>}). */
    public String accessToken(Tenant tenant, Account account) {
        return TestKeycloak.get()
                .login()
                .withRedirectUri(redirectUri(tenant))
                .tokens(account.email(), account.password(), "openid organization:" + tenant.slug())
                .accessToken();
    }

    /** Where the tenant's browser login returns to, as the application registers it. */
    public String redirectUri(Tenant tenant) {
        return addresses.baseUrl(registry.subdomainHost(tenant.slug())) + "/login/oauth2/code/keycloak";
    }

    /** A browser session of the account on the tenant's host, for MockMvc page requests. */
    public RequestPostProcessor session(Tenant tenant, Account account) {
        return BrowserSessions.signedIn(tenant, account);
    }

    /** An API call on the tenant's host with the token as its Bearer credentials, for MockMvc requests. */
    public RequestPostProcessor api(Tenant tenant, String accessToken) {
        var host = registry.subdomainHost(tenant.slug()).value();
        return request -> {
            request.setServerName(host);
            request.addHeader("Authorization", "Bearer " + accessToken);
            return request;
        };
    }
}
