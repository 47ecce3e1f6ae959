package app.tandem.billing.seat;

import static org.assertj.core.api.Assertions.assertThat;

import app.tandem.billing.BillingFixtures;
import app.tandem.billing.BillingIntegrationTest;
import app.tandem.billing.plan.PlanCatalog;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.OrgRole;
import app.tandem.mentoring.SeatAllowance;
import app.tandem.mentoring.matching.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** With metering switched off, billing offers mentoring no seat allowance: nothing is counted or limited. */
@BillingIntegrationTest
@TestPropertySource(properties = "tandem.billing.metering.enabled=false")
class UnmeteredSeatsIT {

    @Autowired
    TenantFixtures tenants;

    @Autowired
    BillingFixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void enrollmentsPastTheFreePlansLimitAreNeitherRefusedNorCounted() {
        var tenant = tenants.activeTenant("unmetered");
        fixtures.plan(tenant, PlanCatalog.FREE);
        var program = fixtures.openProgram(tenant);

        for (int i = 0; i < 11; i++) {
            fixtures.enroll(fixtures.person(tenant, OrgRole.MEMBER), program, Role.MENTEE);
        }
        var secondProgram = fixtures.openProgram(tenant);
        fixtures.enroll(fixtures.person(tenant, OrgRole.MEMBER), secondProgram, Role.MENTOR);

        assertThat(context.getBeanNamesForType(SeatAllowance.class)).isEmpty();
        assertThat(count("select count(*) from %s.enrollments", tenant)).isEqualTo(12);
        assertThat(count("select count(*) from %s.seat_ledger", tenant)).isZero();
        assertThat(count("select seats from %s.seat_total where id = 1", tenant))
                .isZero();
    }

    private int count(String sql, Tenant tenant) {
        return jdbc.sql(sql.formatted(tenant.schemaName())).query(Integer.class).single();
    }
}
