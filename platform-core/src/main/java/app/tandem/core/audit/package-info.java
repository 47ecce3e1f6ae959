/**
 * Each tenant's audit trail: who did what to whom, written in the transaction of the change. Modules record their
 * actions through {@link app.tandem.core.audit.AuditTrail}; org admins read it.
 */
@NamedInterface("audit")
package app.tandem.core.audit;

import org.springframework.modulith.NamedInterface;
