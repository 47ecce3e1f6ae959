package app.tandem.core.audit;

import app.tandem.core.context.TenantContext;
import java.time.Clock;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of the tenant in scope. {@link #record} joins the caller's transaction, so an entry exists exactly
 * when the change it describes was committed.
 */
@Service
public class AuditTrail {

    private final AuditEventRepository events;
    private final Clock clock;

    AuditTrail(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records that {@code actor} did {@code action} (a stable dotted name such as {@code member.role-changed}) to
     * {@code subject} (what a reader recognises: an email address, a program name), with {@code details} in words.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent record(Actor actor, String action, String subject, String details) {
        TenantContext.require();
        return events.save(new AuditEvent(actor, action, subject, details == null ? "" : details, clock.instant()));
    }

    /** The newest entries first; {@code actionPrefix} (such as {@code member.}) narrows them when given. */
    @Transactional(readOnly = true)
    public Page<AuditEvent> recent(String actionPrefix, int page, int size) {
        TenantContext.require();
        var request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200));
        return actionPrefix == null || actionPrefix.isBlank()
                ? events.findAllByOrderByOccurredAtDesc(request)
                : events.findByActionStartingWithOrderByOccurredAtDesc(actionPrefix, request);
    }
}
