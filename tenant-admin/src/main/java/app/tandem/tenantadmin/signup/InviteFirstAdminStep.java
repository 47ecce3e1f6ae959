package app.tandem.tenantadmin.signup;

import app.tandem.core.provisioning.ProvisioningContext;
import app.tandem.core.provisioning.ProvisioningStep;
import app.tandem.core.routing.PublicAddresses;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.identity.IdentityDirectory;
import app.tandem.identity.OrgRole;
import app.tandem.identity.member.Members;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the person who signed an organization up its first org admin and invites them by email: their Keycloak user
 * (found by email, or created needing to verify it and choose a password), their membership of the organization, their
 * member row with role ORG_ADMIN, and Keycloak's email with a link that ends on the organization's sign-in.
 *
 * <p>It runs last ({@value #ORDER}), so that the email goes out only when everything else about the organization is in
 * place: the link must not lead to an organization that is still being set up. Each part is recorded or idempotent,
 * so a resumed job repeats nothing but, at worst, an email that was sent just before a crash. Tenants that were not
 * signed up (the demo, operators' and tests' tenants) have no first admin to invite; the step leaves them alone.
 *
 * <p>A person who already has a Keycloak user (another organization's member, say) keeps it: no new password, and
 * the email asks only to confirm the address, which serves as the notice that they now run a new organization and
 * takes them to it. Either way the person signing up is told the same thing, so the sign-up page never reveals
 * whether an email address has an account.
 */
@Component
class InviteFirstAdminStep implements ProvisioningStep {

    static final int ORDER = 1000;

    /** What a new user does from the email: prove the address is theirs and choose a password. */
    static final List<String> NEW_USER_ACTIONS = List.of("VERIFY_EMAIL", "UPDATE_PASSWORD");

    /** What a known user does from the email: confirm the address, which Keycloak skips when it is verified. */
    static final List<String> KNOWN_USER_ACTIONS = List.of("VERIFY_EMAIL");

    private static final Logger log = LoggerFactory.getLogger(InviteFirstAdminStep.class);

    private final SignUpRepository signUps;
    private final IdentityDirectory directory;
    private final Members members;
    private final TenantRegistry registry;
    private final PublicAddresses addresses;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InviteFirstAdminStep(
            SignUpRepository signUps,
            IdentityDirectory directory,
            Members members,
            TenantRegistry registry,
            PublicAddresses addresses,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.signUps = signUps;
        this.directory = directory;
        this.members = members;
        this.registry = registry;
        this.addresses = addresses;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "invite-first-admin";
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void apply(ProvisioningContext context) {
        var signedUp = signUps.findByTenantId(context.tenantId().value());
        if (signedUp.isEmpty()) {
            return;
        }
        var signUp = signedUp.get();
        if (signUp.adminUserId() == null) {
            var known = directory.findUser(signUp.adminEmail());
            var userId = known.isPresent()
                    ? known.get()
                    : directory.findOrCreateUser(signUp.adminEmail(), signUp.adminFirstName(), signUp.adminLastName());
            signUp = record(signUp, it -> it.adminUserFound(userId, known.isEmpty()));
        }
        directory.addMember(context.slug(), signUp.adminUserId());
        members.add(signUp.adminEmail(), signUp.adminDisplayName(), OrgRole.ORG_ADMIN);
        if (signUp.invitedAt() == null) {
            var signIn = addresses.baseUrl(registry.subdomainHost(context.slug())) + "/login";
            directory.sendActionsEmail(
                    signUp.adminUserId(),
                    signUp.adminWasNew() ? NEW_USER_ACTIONS : KNOWN_USER_ACTIONS,
                    Optional.of(signIn));
            record(signUp, it -> it.invited(clock.instant()));
            log.info("First admin of {} invited", context.slug());
        }
    }

    /**
     * Ends the admin's membership of the organization. The Keycloak user stays: it may belong to other organizations,
     * and a person who never finishes signing up keeps an account nobody can use without their email. The member row
     * goes with the tenant's schema.
     */
    @Override
    public void compensate(ProvisioningContext context) {
        signUps.findByTenantId(context.tenantId().value())
                .map(SignUp::adminUserId)
                .ifPresent(userId -> directory.removeMember(context.slug(), userId));
    }

    private SignUp record(SignUp signUp, Consumer<SignUp> change) {
        return transactions.execute(tx -> {
            var current = signUps.findById(signUp.jobId()).orElseThrow();
            change.accept(current);
            return current;
        });
    }
}
