package app.tandem.tenantadmin.console;

import app.tandem.core.audit.OperatorAudit;
import app.tandem.core.routing.OnApexHost;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.web.Problems;
import app.tandem.tenantadmin.console.TenantListing.TenantPage;
import app.tandem.tenantadmin.console.TenantQuery.TenantFilter;
import app.tandem.tenantadmin.console.Views.JobView;
import app.tandem.tenantadmin.console.Views.MigrationResult;
import app.tandem.tenantadmin.console.Views.TenantDetail;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator console's JSON API on the platform site, {@code /api/v1/operator/**}, for access tokens of platform
 * operators (the service refuses everyone else with 403). Errors are problem details.
 */
@RestController
@OnApexHost
@RequestMapping("/api/v1/operator")
class OperatorApi {

    private final OperatorConsole console;

    OperatorApi(OperatorConsole console) {
        this.console = console;
    }

    /** A concurrent change surfaced at commit, after the service returned: a conflict like any other. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> changedMeanwhile() {
        var refusal = new ChangedMeanwhile();
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, refusal.code(), refusal.getMessage()));
    }

    /** A reason, for a suspension. */
    record Suspension(String reason) {}

    /** A reason and, optionally, the grace period in days (the configured default when absent). */
    record Deletion(String reason, Integer graceDays) {}

    /** A custom host such as {@code mentoring.example.org}. */
    record NewHost(String host) {}

    /**
     * Tenants, a page at a time: {@code q} searches slugs and names; {@code status}, {@code kind}, {@code createdFrom},
     * {@code createdTo}, {@code minMembers}, {@code maxMembers}, {@code activeSince} and {@code idleSince} filter;
     * {@code sort} is one of slug, name, newest, oldest, members, activity; {@code page} counts from 1.
     */
    @GetMapping("/tenants")
    TenantPage tenants(@ModelAttribute TenantFilter filter) {
        return console.tenants(filter.toQuery(console.pageSize()));
    }

    @GetMapping("/tenants/{id}")
    TenantDetail tenant(@PathVariable UUID id) {
        return console.tenant(new TenantId(id));
    }

    @GetMapping("/tenants/{id}/audit")
    List<OperatorAudit.Entry> tenantAudit(@PathVariable UUID id, @RequestParam(defaultValue = "100") int limit) {
        return console.auditTrail(new TenantId(id), limit);
    }

    @PostMapping("/tenants/{id}/suspension")
    TenantDetail suspend(@PathVariable UUID id, @RequestBody Suspension suspension) {
        console.suspend(new TenantId(id), suspension.reason());
        return console.tenant(new TenantId(id));
    }

    @PostMapping("/tenants/{id}/reactivation")
    TenantDetail reactivate(@PathVariable UUID id) {
        console.reactivate(new TenantId(id));
        return console.tenant(new TenantId(id));
    }

    @PostMapping("/tenants/{id}/deletion")
    TenantDetail scheduleDeletion(@PathVariable UUID id, @RequestBody Deletion deletion) {
        console.scheduleDeletion(new TenantId(id), deletion.reason(), deletion.graceDays());
        return console.tenant(new TenantId(id));
    }

    @DeleteMapping("/tenants/{id}/deletion")
    TenantDetail cancelDeletion(@PathVariable UUID id) {
        console.cancelDeletion(new TenantId(id));
        return console.tenant(new TenantId(id));
    }

    @PostMapping("/tenants/{id}/migration")
    MigrationResult migrate(@PathVariable UUID id) {
        return console.migrate(new TenantId(id));
    }

    /** The tenant's data as a zip of one JSON file per table and a manifest. */
    @GetMapping(value = "/tenants/{id}/export", produces = "application/zip")
    void export(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        ExportDownload.send(console, new TenantId(id), response);
    }

    @PostMapping("/tenants/{id}/hosts")
    @ResponseStatus(HttpStatus.CREATED)
    TenantDetail addHost(@PathVariable UUID id, @RequestBody NewHost host) {
        console.addCustomHost(new TenantId(id), host.host());
        return console.tenant(new TenantId(id));
    }

    @DeleteMapping("/tenants/{id}/hosts/{host}")
    TenantDetail removeHost(@PathVariable UUID id, @PathVariable String host) {
        console.removeCustomHost(new TenantId(id), host);
        return console.tenant(new TenantId(id));
    }

    @GetMapping("/provisioning-jobs/failed")
    List<JobView> failedJobs() {
        return console.failedJobs();
    }

    @PostMapping("/provisioning-jobs/{id}/retry")
    JobView retry(@PathVariable UUID id) {
        return console.retry(id);
    }

    @PostMapping("/provisioning-jobs/{id}/discard")
    JobView discard(@PathVariable UUID id) {
        return console.discard(id);
    }

    /** The operator audit of every tenant, newest first. */
    @GetMapping("/audit")
    List<OperatorAudit.Entry> audit(@RequestParam(defaultValue = "100") int limit) {
        return console.auditTrail(limit);
    }
}
