package app.tandem.billing;

import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.test.TestClock;
import app.tandem.identity.CurrentMember;
import app.tandem.identity.OrgRole;
import app.tandem.identity.SignedInMember;
import app.tandem.identity.member.Members;
import app.tandem.mentoring.enrollment.Enrollment;
import app.tandem.mentoring.enrollment.Enrollments;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.MatchingMode;
import app.tandem.mentoring.program.ProgramKind;
import app.tandem.mentoring.program.ProgramSettings;
import app.tandem.mentoring.program.ProgramStatus;
import app.tandem.mentoring.program.Programs;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Organizations with members, programs and enrollments made through mentoring's own services (so seats are taken and
 * released the way they are in production), and plans set on their billing accounts.
 */
@TestConfiguration(proxyBeanMethods = false)
public class BillingFixtures {

    @Autowired
    Members members;

    @Autowired
    Programs programs;

    @Autowired
    Enrollments enrollments;

    @Autowired
    JdbcClient jdbc;

    @Bean
    @Primary
    static TestClock testClock() {
        return new TestClock();
    }

    /** A member of the tenant, as the services see them once signed in. */
    public record Person(Tenant tenant, SignedInMember member) {}

    public Person person(Tenant tenant, OrgRole role) {
        var email = "p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var id = TenantScope.get(tenant.id(), () -> members.add(email, "Person " + email.substring(2, 6), role))
                .id();
        return new Person(tenant, new SignedInMember(id, tenant.id(), "kc-" + id, email, "Person", role));
    }

    /** A one-to-one program without questions, opened for enrollment by a coordinator. */
    public UUID openProgram(Tenant tenant) {
        var coordinator = person(tenant, OrgRole.COORDINATOR);
        return as(coordinator, () -> {
            var program = programs.create(new ProgramSettings(
                    "Program " + UUID.randomUUID().toString().substring(0, 6),
                    "",
                    ProgramKind.ONE_TO_ONE,
                    null,
                    null,
                    null,
                    MatchingMode.BOTH,
                    2,
                    5,
                    14));
            programs.changeStatus(program.id(), ProgramStatus.ENROLLING);
            return program.id();
        });
    }

    public void closeProgram(Tenant tenant, UUID programId) {
        as(person(tenant, OrgRole.COORDINATOR), () -> programs.changeStatus(programId, ProgramStatus.CLOSED));
    }

    public Enrollment enroll(Person person, UUID programId, Role role) {
        return as(
                person,
                () -> enrollments.enroll(
                        programId, new Enrollments.Enroll(role, role == Role.MENTOR ? 1 : null, Map.of())));
    }

    /** Puts the tenant's account on {@code plan}, paid up. */
    public void plan(Tenant tenant, String plan) {
        jdbc.sql("update platform.billing_accounts set plan = :plan, status = 'ACTIVE' where tenant_id = :tenant")
                .param("plan", plan)
                .param("tenant", tenant.id().value())
                .update();
    }

    /** Runs {@code work} in the person's tenant as them, as if identity's filter had let their request through. */
    public static <T> T as(Person person, Supplier<T> work) {
        var request = new MockHttpServletRequest();
        request.setAttribute(CurrentMember.REQUEST_ATTRIBUTE, person.member());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(
                        person.member().email(), "", person.member().role().authority()));
        try {
            return TenantScope.get(person.tenant().id(), work);
        } finally {
            SecurityContextHolder.clearContext();
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
