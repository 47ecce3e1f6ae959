package app.tandem.core;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the tenancy kernel ({@code tandem.core.*}).
 *
 * @param baseDomain the domain under which every tenant gets a subdomain: {@code acme.<baseDomain>}; the base domain
 *     itself is the apex host that serves the public site
 * @param apexAliases further host names that also serve the public site (for example {@code 127.0.0.1})
 * @param publicUrl how browsers reach the platform, for the links and login redirects it hands out
 * @param routingSyncInterval how often each node checks whether routing facts (tenant statuses, hosts, migration
 *     states) were changed elsewhere; this bounds how long another node may take to see a suspension
 * @param migration how tenant schemas are migrated
 * @param provisioning how provisioning jobs run
 * @param jobs how jobs that run for every tenant are executed
 * @param mail how the organizations' mail is sent (the SMTP server itself is {@code spring.mail.*})
 * @param events how domain events that listeners did not complete are delivered again
 */
@ConfigurationProperties("tandem.core")
public record CoreProperties(
        @DefaultValue("localhost") String baseDomain,
        @DefaultValue("127.0.0.1") List<String> apexAliases,
        @DefaultValue PublicUrl publicUrl,
        @DefaultValue("5s") Duration routingSyncInterval,
        @DefaultValue Migration migration,
        @DefaultValue Provisioning provisioning,
        @DefaultValue Jobs jobs,
        @DefaultValue Mail mail,
        @DefaultValue Events events) {

    /**
     * @param scheme {@code https} in production (TLS ends at the load balancer), {@code http} for local runs
     * @param port the port browsers use; none means the scheme's default, {@code 0} the port this server listens on
     *     (local runs and tests)
     */
    public record PublicUrl(@DefaultValue("https") String scheme, Integer port) {}

    /**
     * @param onStartup {@code BEFORE_SERVING} migrates every tenant before the server accepts requests;
     *     {@code BACKGROUND} serves at once and migrates in the background, answering 503 for each tenant until its
     *     schema is current; {@code NONE} leaves migrations to an operator
     * @param workers how many tenant schemas are migrated at the same time
     * @param locations classpath folders holding the tenant migrations of every module
     */
    public record Migration(
            @DefaultValue("BEFORE_SERVING") StartupPolicy onStartup,
            @DefaultValue("4") int workers,
            @DefaultValue("db/tenant") List<String> locations) {

        public enum StartupPolicy {
            BEFORE_SERVING,
            BACKGROUND,
            NONE
        }
    }

    /**
     * @param lease how long a node owns a running provisioning job without renewing it; after that another node (or
     *     the restarted one) resumes it
     * @param recoveryInterval how often abandoned provisioning jobs are looked for
     * @param stepAttempts how many times a failing step is tried before the job stops as FAILED
     */
    public record Provisioning(
            @DefaultValue("60s") Duration lease,
            @DefaultValue("30s") Duration recoveryInterval,
            @DefaultValue("3") int stepAttempts) {}

    /** @param parallelism how many tenants a for-every-tenant job works on at the same time */
    public record Jobs(@DefaultValue("4") int parallelism) {}

    /**
     * @param from the sender address of every mail; its domain should be one the SMTP relay may send for (SPF, DKIM)
     * @param fromName the sender's display name, e.g. {@code Tandem}
     * @param pollInterval how often each node looks for due mail in every active tenant's outbox; this bounds how long
     *     a mail waits after its transaction committed
     * @param batchSize how many mails of one tenant one transaction sends; it also bounds how many may be sent twice
     *     when a node dies between the SMTP server's acceptance and the commit
     * @param maxAttempts after this many failed attempts a mail is given up as FAILED
     * @param backoff how long after its first failed attempt a mail is tried again; the wait doubles with each
     *     further failure
     * @param maxBackoff the longest wait between two attempts
     */
    public record Mail(
            @DefaultValue("no-reply@tandem.localhost") String from,
            @DefaultValue("Tandem") String fromName,
            @DefaultValue("5s") Duration pollInterval,
            @DefaultValue("10") int batchSize,
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("30s") Duration backoff,
            @DefaultValue("1h") Duration maxBackoff) {}

    /**
     * @param redeliveryInterval how often each node looks, in every active tenant, for event publications whose
     *     listeners did not complete
     * @param redeliverAfter how old an incomplete publication must be before it is delivered again; longer than a
     *     listener normally takes, so that a publication being handled is rarely handled twice
     * @param keepCompleted how long completed publications are kept (for inspection) before they are deleted
     */
    public record Events(
            @DefaultValue("1m") Duration redeliveryInterval,
            @DefaultValue("1m") Duration redeliverAfter,
            @DefaultValue("7d") Duration keepCompleted) {}
}
