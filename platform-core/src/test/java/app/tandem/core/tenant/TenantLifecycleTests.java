package app.tandem.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TenantLifecycleTests {

    private final Instant now = Instant.parse("2026-11-29T10:00:00Z");

    private Tenant provisioning() {
        return new Tenant(TenantId.random(), TenantSlug.of("acme"), "  Acme Mentors  ", TenantKind.COMPANY, now);
    }

    @Test
    void startsProvisioningWithATrimmedNameAndItsDerivedSchema() {
        var tenant = provisioning();

        assertThat(tenant.status()).isEqualTo(TenantStatus.PROVISIONING);
        assertThat(tenant.displayName()).isEqualTo("Acme Mentors");
        assertThat(tenant.schemaName()).isEqualTo(tenant.id().schemaName());
    }

    @Test
    void goesThroughItsLifecycle() {
        var tenant = provisioning();

        tenant.activate(now);
        tenant.suspend("Unpaid invoices", now);
        assertThat(tenant.statusReason()).isEqualTo("Unpaid invoices");
        tenant.reactivate(now);
        tenant.scheduleDeletion("Requested by the organization", now.plus(Duration.ofDays(30)), now);
        assertThat(tenant.deletionDueAt()).isEqualTo(now.plus(Duration.ofDays(30)));
        tenant.cancelDeletion(now);
        assertThat(tenant.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(tenant.deletionDueAt()).isNull();
        tenant.scheduleDeletion("Requested again", now, now);
        tenant.markDeleted(now);

        assertThat(tenant.status()).isEqualTo(TenantStatus.DELETED);
        assertThat(tenant.statusReason()).isEqualTo("Requested again");
    }

    @Test
    void isDeletedOnlyOnceItsDeletionIsDue() {
        var tenant = provisioning();
        tenant.activate(now);
        var due = now.plus(Duration.ofDays(30));
        tenant.scheduleDeletion("Closing down", due, now);

        assertThat(tenant.deletionDue(due.minusSeconds(1))).isFalse();
        assertThatThrownBy(() -> tenant.markDeleted(due.minusSeconds(1))).isInstanceOf(TenantStateConflict.class);
        assertThat(tenant.deletionDue(due)).isTrue();
        tenant.markDeleted(due);
        assertThat(tenant.status()).isEqualTo(TenantStatus.DELETED);
    }

    @Test
    void asksForAReasonAndADateNotInThePastToScheduleADeletion() {
        var tenant = provisioning();
        tenant.activate(now);

        assertThatThrownBy(() -> tenant.scheduleDeletion(" ", now.plusSeconds(60), now))
                .isInstanceOf(InvalidTenantInput.class)
                .hasMessageContaining("reason for the deletion");
        assertThatThrownBy(() -> tenant.scheduleDeletion("Closing", now.minusSeconds(1), now))
                .isInstanceOf(InvalidTenantInput.class)
                .hasMessageContaining("past");
        assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void refusesTransitionsItsStatusDoesNotAllow() {
        var tenant = provisioning();

        assertThatThrownBy(() -> tenant.suspend("why", now))
                .isInstanceOf(TenantStateConflict.class)
                .hasMessage("Tenant acme is PROVISIONING and cannot become SUSPENDED.");
        assertThatThrownBy(() -> tenant.reactivate(now)).isInstanceOf(TenantStateConflict.class);
        tenant.activate(now);
        assertThatThrownBy(() -> tenant.activate(now)).isInstanceOf(TenantStateConflict.class);
        assertThatThrownBy(() -> tenant.markDeleted(now)).isInstanceOf(TenantStateConflict.class);
    }

    @Test
    void asksForAReasonToSuspendAndANameToExist() {
        var tenant = provisioning();
        tenant.activate(now);

        assertThatThrownBy(() -> tenant.suspend(" ", now)).hasMessageContaining("reason");
        assertThatThrownBy(() -> tenant.suspend("x".repeat(501), now))
                .isInstanceOf(InvalidTenantInput.class)
                .hasMessage("A reason is at most 500 characters long (this one has 501).");
        assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThatThrownBy(() -> new Tenant(TenantId.random(), TenantSlug.of("acme"), " ", TenantKind.SCHOOL, now))
                .isInstanceOf(InvalidTenantInput.class)
                .hasMessageContaining("name of the organization");
    }
}
