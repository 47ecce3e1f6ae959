package app.tandem.demo;

import app.tandem.core.context.TenantScope;
import app.tandem.core.provisioning.JobStatus;
import app.tandem.core.provisioning.ProvisionTenant;
import app.tandem.core.provisioning.TenantProvisioning;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantSlug;
import app.tandem.identity.IdentityDirectory;
import app.tandem.identity.IdentityProviderUnavailable;
import app.tandem.identity.OrgRole;
import app.tandem.identity.member.Members;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds local runs: the demo tenant (once: the next run finds it in the kept database) and the accounts of
 * {@link #ACCOUNTS} with the password {@value #PASSWORD} (made sure of on every start, so they can always sign in).
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty("tandem.demo.enabled")
public class DemoData implements ApplicationRunner {

    public static final String DEMO_SLUG = "demo";

    /** The password of every demo account. Local runs only. */
    public static final String PASSWORD = "tandem-demo";

    /**
     * A demo login.
     *
     * @param role the member's org role in the demo tenant, or null for the platform operator (who belongs to none)
     * @param what what the account is for, as the start-up banner prints it
     */
    public record Account(String email, String firstName, String lastName, OrgRole role, String what) {

        boolean operator() {
            return role == null;
        }
    }

    public static final List<Account> ACCOUNTS = List.of(
            new Account("ada@demo.localhost", "Ada", "Admin", OrgRole.ORG_ADMIN, "org admin of the demo tenant"),
            new Account("maya@demo.localhost", "Maya", "Mentor", OrgRole.MEMBER, "member, mentor"),
            new Account("milo@demo.localhost", "Milo", "Mentee", OrgRole.MEMBER, "member, mentee"),
            new Account("olga@tandem.localhost", "Olga", "Operator", null, "platform operator (platform site)"));

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final TenantRegistry registry;
    private final TenantProvisioning provisioning;
    private final IdentityDirectory directory;
    private final Members members;

    DemoData(TenantRegistry registry, TenantProvisioning provisioning, IdentityDirectory directory, Members members) {
        this.registry = registry;
        this.provisioning = provisioning;
        this.directory = directory;
        this.members = members;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (registry.findBySlug(DEMO_SLUG).isEmpty()) {
            var job = provisioning.provision(
                    ProvisionTenant.of(DEMO_SLUG, "Demo Mentoring Association", TenantKind.ASSOCIATION));
            if (job.status() != JobStatus.SUCCEEDED) {
                log.error("The demo tenant could not be provisioned: {} at {}", job.lastError(), job.failedStep());
                return;
            }
        }
        var demo = registry.findBySlug(DEMO_SLUG).orElseThrow();
        try {
            for (var account : ACCOUNTS) {
                var user = directory.findOrCreateUser(account.email(), account.firstName(), account.lastName());
                directory.setPassword(user, PASSWORD);
                if (account.operator()) {
                    directory.grantOperatorRole(user);
                    continue;
                }
                directory.addMember(TenantSlug.of(DEMO_SLUG), user);
                TenantScope.run(
                        demo.id(),
                        () -> members.add(
                                account.email(), account.firstName() + " " + account.lastName(), account.role()));
            }
        } catch (IdentityProviderUnavailable e) {
            log.error("The demo accounts could not be made sure of in Keycloak: {}", e.getMessage());
        }
    }
}
