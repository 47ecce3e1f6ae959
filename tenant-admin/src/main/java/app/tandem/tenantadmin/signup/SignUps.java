package app.tandem.tenantadmin.signup;

import app.tandem.core.provisioning.ProvisionTenant;
import app.tandem.core.provisioning.TenantProvisioning;
import app.tandem.core.routing.PublicAddresses;
import app.tandem.core.tenant.AddressTaken;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantSlug;
import app.tandem.tenantadmin.TenantAdminProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-service sign-up: checks what was typed, starts the organization's provisioning job together with the record of
 * who signed up (one transaction), and runs the job in the background. Submitting the same address with the same
 * admin email again while that sign-up is under way or done gives the same sign-up back; each client may sign up a
 * limited number of organizations per period.
 */
@Service
public class SignUps {

    private static final Logger log = LoggerFactory.getLogger(SignUps.class);
    private static final String BUILT_IN_CLIENT_KEY = "tandem-signup-client";

    private final TenantProvisioning provisioning;
    private final TenantRegistry registry;
    private final SignUpRepository signUps;
    private final TransactionTemplate transactions;
    private final TaskExecutor executor;
    private final TenantAdminProperties.SignUp settings;
    private final PublicAddresses addresses;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecretKeySpec clientKey;

    SignUps(
            TenantProvisioning provisioning,
            TenantRegistry registry,
            SignUpRepository signUps,
            PlatformTransactionManager transactions,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            TenantAdminProperties properties,
            PublicAddresses addresses,
            JdbcClient jdbc,
            Clock clock) {
        this.provisioning = provisioning;
        this.registry = registry;
        this.signUps = signUps;
        this.transactions = new TransactionTemplate(transactions);
        this.executor = executor;
        this.settings = properties.signup();
        this.addresses = addresses;
        this.jdbc = jdbc;
        this.clock = clock;
        var key = settings.clientKey() == null || settings.clientKey().isBlank()
                ? BUILT_IN_CLIENT_KEY
                : settings.clientKey();
        this.clientKey = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * The outcome of a submission.
     *
     * @param id the sign-up's id, which its progress page and API resource are named by
     * @param repeated whether this was a re-submission of a sign-up already under way (nothing new was created)
     */
    public record Submitted(UUID id, boolean repeated) {}

    /**
     * Signs up an organization: validates every field, then registers the tenant, records the job and who signed up,
     * and starts the job in the background.
     *
     * @param client the client's IP address, for the per-client limit (stored only as a keyed hash)
     * @throws InvalidSignUp listing every field that breaks its rules (including an address that is taken); nothing is
     *     created then
     * @throws SignUpLimitReached when the client has reached its limit for now; nothing is created then
     */
    public Submitted submit(SignUpRequest request, String client) {
        var problems = new ArrayList<>(request.problems());
        var slugValid = request.slugProblem().isEmpty();
        if (slugValid) {
            var existing = liveSignUp(request.slug());
            if (existing.isPresent()
                    && problems.isEmpty()
                    && existing.get().sameAdmin(request.email().strip())) {
                return new Submitted(existing.get().jobId(), true);
            }
            if (existing.isPresent() || !registry.isSlugAvailable(request.slug())) {
                problems.add(slugTaken(request.slug()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSignUp(problems);
        }
        var valid = request.valid();
        var clientHash = hash(client);
        UUID id;
        try {
            id = transactions.execute(tx -> start(valid, clientHash));
        } catch (AddressTaken raced) {
            // Someone registered the address since we looked: the same sign-up submitted twice at once, or another.
            return liveSignUp(valid.slug().value())
                    .filter(signUp -> signUp.sameAdmin(valid.email()))
                    .map(signUp -> new Submitted(signUp.jobId(), true))
                    .orElseThrow(() ->
                            new InvalidSignUp(List.of(slugTaken(valid.slug().value()))));
        }
        runInBackground(id);
        return new Submitted(id, false);
    }

    private UUID start(SignUpRequest.Valid request, String clientHash) {
        // Sign-ups of one client take turns, so that two at once cannot both pass the limit.
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("signup:" + clientHash)
                .query(Object.class)
                .optional();
        var now = clock.instant();
        var since = now.minus(settings.window());
        if (signUps.countByClientHashAndCreatedAtAfter(clientHash, since) >= settings.maxPerClient()) {
            var oldest = signUps.oldestOfClientSince(clientHash, since).orElse(now);
            var retryAfter = Duration.between(now, oldest.plus(settings.window()));
            throw new SignUpLimitReached(settings.maxPerClient(), settings.window(), retryAfter);
        }
        var job = provisioning.start(new ProvisionTenant(request.slug(), request.organizationName(), request.kind()));
        signUps.save(new SignUp(job.id(), job.tenantId(), request, clientHash, now));
        log.info("Organization {} signed up (sign-up {})", request.slug(), job.id());
        return job.id();
    }

    private void runInBackground(UUID id) {
        try {
            executor.execute(() -> provisioning.run(id));
        } catch (TaskRejectedException e) {
            // The job is recorded without an owner: the next round of resumeAbandoned, on any node, runs it.
            log.warn("Sign-up {} waits for the provisioning recovery: {}", id, e.getMessage());
        }
    }

    /** The progress of a sign-up, if {@code id} names one. */
    public Optional<SignUpProgress> progress(UUID id) {
        return signUps.findById(id)
                .flatMap(signUp -> provisioning.find(id).map(job -> SignUpProgress.of(job, addressOf(signUp.slug()))));
    }

    /**
     * Whether {@code slug} can be signed up, for the live check on the form.
     *
     * @return the problem with the address (invalid, reserved or taken), or empty when it is free
     */
    public Optional<FieldProblem> checkAddress(String slug) {
        var request = new SignUpRequest(null, null, slug, null, null, null, null);
        var invalid = request.slugProblem();
        if (invalid.isPresent()) {
            return invalid;
        }
        return registry.isSlugAvailable(slug) ? Optional.empty() : Optional.of(slugTaken(slug));
    }

    /** Where an organization with this (valid) address answers. */
    public URI addressOf(String slug) {
        return addresses.baseUrl(registry.subdomainHost(TenantSlug.of(slug)));
    }

    private Optional<SignUp> liveSignUp(String slug) {
        return signUps.findLiveBySlug(slug).stream().findFirst();
    }

    private FieldProblem slugTaken(String slug) {
        return FieldProblem.of(
                "slug",
                "slug-taken",
                registry.subdomainHost(TenantSlug.of(slug)).value());
    }

    private String hash(String client) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(clientKey);
            return HexFormat.of().formatHex(mac.doFinal(String.valueOf(client).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
