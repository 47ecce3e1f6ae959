/**
 * Provisioning SPI. Creating a tenant is a persisted job made of ordered, idempotent
 * {@link app.tandem.core.provisioning.ProvisioningStep}s that modules contribute as beans (core contributes
 * {@code create-schema}; identity, billing and mentoring add theirs). {@link
 * app.tandem.core.provisioning.TenantProvisioning} records every step's outcome, so a job interrupted by a crash is
 * resumed by whichever node finds its lease expired; a job whose step keeps failing stops as FAILED for an operator
 * to retry or discard, and discarding runs the compensations of the steps done, in reverse. A tenant becomes ACTIVE
 * only after its last step.
 */
@NamedInterface("provisioning")
package app.tandem.core.provisioning;

import org.springframework.modulith.NamedInterface;
