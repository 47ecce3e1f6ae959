package app.tandem.billing.seat;

import static app.tandem.billing.BillingFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.tandem.billing.BillingFixtures;
import app.tandem.billing.BillingIntegrationTest;
import app.tandem.billing.plan.PlanCatalog;
import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.test.TenantFixtures;
import app.tandem.core.test.TestClock;
import app.tandem.identity.OrgRole;
import app.tandem.identity.member.Members;
import app.tandem.mentoring.enrollment.Enrollments;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.ProgramStatus;
import app.tandem.mentoring.program.Programs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Seats taken, released and limited, through mentoring's own services, on real PostgreSQL. */
@BillingIntegrationTest
class SeatLedgerIT {

    private static final Duration AFTER_COMMIT = Duration.ofSeconds(15);

    @Autowired
    TenantFixtures tenants;

    @Autowired
    BillingFixtures fixtures;

    @Autowired
    SeatLedger ledger;

    @Autowired
    SeatUsage usage;

    @Autowired
    Enrollments enrollments;

    @Autowired
    Programs programs;

    @Autowired
    Members members;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void aSeatIsOneMemberInOneOpenProgramUntilTheyLeaveOrItCloses() {
        var tenant = tenants.activeTenant("seats");
        var first = fixtures.openProgram(tenant);
        var second = fixtures.openProgram(tenant);
        var person = fixtures.person(tenant, OrgRole.MEMBER);

        var inFirst = fixtures.enroll(person, first, Role.MENTEE);
        fixtures.enroll(person, second, Role.MENTOR);
        assertThat(total(tenant)).isEqualTo(2);
        assertThat(inScope(tenant, () -> usage.perProgram())).isEqualTo(Map.of(first, 1, second, 1));

        as(person, () -> enrollments.pause(inFirst.id()));
        assertThat(total(tenant)).as("a paused enrollment keeps its seat").isEqualTo(2);

        as(person, () -> enrollments.withdraw(inFirst.id()));
        await().atMost(AFTER_COMMIT).until(() -> total(tenant) == 1);
        assertThat(reasons(tenant, inFirst.id())).containsExactly("TAKEN enrolled", "RELEASED withdrawn");

        fixtures.closeProgram(tenant, second);
        await().atMost(AFTER_COMMIT).until(() -> total(tenant) == 0);
        assertThat(inScope(tenant, () -> usage.perProgram())).isEmpty();
        await().atMost(AFTER_COMMIT)
                .untilAsserted(() -> assertThat(accountSeats(tenant))
                        .as("the fleet view's count")
                        .isZero());
    }

    @Test
    void thePlatformsCountIsRecountedFromTheLedgerOfEveryOrganizationWhoseSeatsChanged() {
        var tenant = tenants.activeTenant("seats-counted");
        var program = fixtures.openProgram(tenant);
        fixtures.enroll(fixtures.person(tenant, OrgRole.MEMBER), program, Role.MENTEE);
        fixtures.enroll(fixtures.person(tenant, OrgRole.MEMBER), program, Role.MENTOR);
        await().atMost(AFTER_COMMIT)
                .untilAsserted(() -> assertThat(accountSeats(tenant)).isEqualTo(2));
        assertThat(marks(tenant)).as("the mark is taken out once counted").isZero();

        // A count gone wrong (by hand, or a lost write) is mended by the next change: the job reads the ledger, not a
        // delta.
        jdbc.sql("update platform.billing_accounts set seats = 40 where tenant_id = ?")
                .param(tenant.id().value())
                .update();
        fixtures.enroll(fixtures.person(tenant, OrgRole.MEMBER), program, Role.MENTEE);
        await().atMost(AFTER_COMMIT)
                .untilAsserted(() -> assertThat(accountSeats(tenant)).isEqualTo(3));
        assertThat(marks(tenant)).isZero();
    }

    @Test
    void removingAMemberWithdrawsTheirEnrollmentsAndFreesTheirSeats() {
        var tenant = tenants.activeTenant("seats-removed");
        var first = fixtures.openProgram(tenant);
        var second = fixtures.openProgram(tenant);
        var person = fixtures.person(tenant, OrgRole.MEMBER);
        var enrollment = fixtures.enroll(person, first, Role.MENTEE);
        fixtures.enroll(person, second, Role.MENTEE);
        var admin = fixtures.person(tenant, OrgRole.ORG_ADMIN);

        as(admin, () -> members.deactivate(person.member().id()));

        await().atMost(AFTER_COMMIT).until(() -> total(tenant) == 0);
        assertThat(reasons(tenant, enrollment.id())).containsExactly("TAKEN enrolled", "RELEASED member-removed");
        var coordinator = fixtures.person(tenant, OrgRole.COORDINATOR);
        assertThat(as(coordinator, () -> enrollments.participants(first, null, null))
                        .get(0)
                        .enrollment()
                        .takingPart())
                .isFalse();
    }

    @Test
    void theFreePlanRefusesTheEleventhSeatAndChangesNothing() {
        var tenant = tenants.activeTenant("seats-free");
        fixtures.plan(tenant, PlanCatalog.FREE);
        var program = fixtures.openProgram(tenant);
        for (int i = 0; i < 10; i++) {
            fixtures.enroll(fixtures.person(tenant, OrgRole.MEMBER), program, Role.MENTEE);
        }
        var eleventh = fixtures.person(tenant, OrgRole.MEMBER);

        assertThatThrownBy(() -> fixtures.enroll(eleventh, program, Role.MENTEE))
                .isInstanceOf(SeatLimitReached.class)
                .hasMessage("Your organization's plan allows 10 program seats and all are taken. Ask an admin to add"
                        + " seats.")
                .extracting("code")
                .isEqualTo("seat-limit-reached");

        assertThat(as(eleventh, () -> enrollments.mine())).isEmpty();
        assertThat(total(tenant)).isEqualTo(10);
        assertThat(inScope(tenant, () -> usage.rebuiltCounts())).isEqualTo(Map.of(program, 10));
    }

    @Test
    void twentyMembersEnrollingAtOnceForTheLastSeatGetItExactlyOnce() throws Exception {
        var tenant = tenants.activeTenant("seats-race");
        fixtures.plan(tenant, PlanCatalog.FREE);
        var program = fixtures.openProgram(tenant);
        for (int i = 0; i < 9; i++) {
            fixtures.enroll(fixtures.person(tenant, OrgRole.MEMBER), program, Role.MENTEE);
        }
        var racers = new ArrayList<BillingFixtures.Person>();
        for (int i = 0; i < 20; i++) {
            racers.add(fixtures.person(tenant, OrgRole.MEMBER));
        }
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(racers.size());
        try {
            var outcomes = new ArrayList<java.util.concurrent.Future<String>>();
            for (var racer : racers) {
                Callable<String> enroll = () -> {
                    start.await();
                    try {
                        fixtures.enroll(racer, program, Role.MENTEE);
                        return "enrolled";
                    } catch (SeatLimitReached refused) {
                        return refused.code();
                    }
                };
                outcomes.add(pool.submit(enroll));
            }
            start.countDown();
            var results = new ArrayList<String>();
            for (var outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn("enrolled"::equals).hasSize(1);
            assertThat(results).filteredOn("seat-limit-reached"::equals).hasSize(19);
        } finally {
            pool.shutdownNow();
        }
        assertThat(total(tenant)).isEqualTo(10);
        var coordinator = fixtures.person(tenant, OrgRole.COORDINATOR);
        assertThat(as(coordinator, () -> enrollments.participants(program, null, null)))
                .hasSize(10);
    }

    @Test
    void theFreePlanAllowsOneOpenProgramAtATime() {
        var tenant = tenants.activeTenant("seats-programs");
        fixtures.plan(tenant, PlanCatalog.FREE);
        fixtures.openProgram(tenant);

        assertThatThrownBy(() -> fixtures.openProgram(tenant))
                .isInstanceOf(SeatLimitReached.class)
                .hasMessageContaining("allows 1 open program at a time")
                .extracting("code")
                .isEqualTo("open-program-limit-reached");
        var coordinator = fixtures.person(tenant, OrgRole.COORDINATOR);
        assertThat(as(coordinator, () -> programs.list()))
                .extracting(program -> program.status())
                .containsExactlyInAnyOrder(ProgramStatus.ENROLLING, ProgramStatus.DRAFT);
    }

    @Test
    void orgAdminsAreToldOnceAt80AndOnceAt100PercentOfTheLimit() {
        var tenant = tenants.activeTenant("seats-notices");
        fixtures.plan(tenant, PlanCatalog.FREE);
        var admin = fixtures.person(tenant, OrgRole.ORG_ADMIN);
        var program = fixtures.openProgram(tenant);
        var enrolled = new ArrayList<BillingFixtures.Person>();
        for (int i = 0; i < 7; i++) {
            enrolled.add(enroll(tenant, program));
        }
        assertThat(noticesTo(tenant, admin)).isEmpty();

        enrolled.add(enroll(tenant, program));
        assertThat(noticesTo(tenant, admin))
                .containsExactly("Organization " + tenant.slug() + " uses 8 of its 10 program seats");
        enroll(tenant, program);
        assertThat(noticesTo(tenant, admin)).hasSize(1);
        var tenth = fixtures.enroll(fixtures.person(tenant, OrgRole.MEMBER), program, Role.MENTEE);
        assertThat(noticesTo(tenant, admin))
                .containsExactly(
                        "Organization " + tenant.slug() + " uses 8 of its 10 program seats",
                        "Organization " + tenant.slug() + " uses 10 of its 10 program seats");

        var leaver = enrolled.get(0);
        var leaving = as(leaver, () -> enrollments.mine()).get(0).id();
        as(leaver, () -> enrollments.withdraw(leaving));
        await().atMost(AFTER_COMMIT).until(() -> total(tenant) == 9);
        enroll(tenant, program);
        assertThat(noticesTo(tenant, admin)).as("each share of a limit once").hasSize(2);
        assertThat(tenth).isNotNull();
    }

    @Test
    void aTrialThatEndedUnpaidHasTheFreePlansLimits() {
        var tenant = tenants.activeTenant("seats-trial");
        var program = fixtures.openProgram(tenant);
        for (int i = 0; i < 12; i++) {
            enroll(tenant, program);
        }
        assertThat(total(tenant)).as("the trial has the growth plan's limits").isEqualTo(12);

        clock.advance(Duration.ofDays(31));

        assertThatThrownBy(() -> enroll(tenant, program)).isInstanceOf(SeatLimitReached.class);
        assertThat(total(tenant)).as("seats already held are kept").isEqualTo(12);
    }

    @Test
    void theLedgerRebuiltFromScratchEqualsTheCountersAfterARandomHistory() {
        var tenant = tenants.activeTenant("seats-history");
        var admin = fixtures.person(tenant, OrgRole.ORG_ADMIN);
        var random = new Random(20261207);
        var open = new ArrayList<UUID>(List.of(fixtures.openProgram(tenant), fixtures.openProgram(tenant)));
        var people = new ArrayList<BillingFixtures.Person>();
        for (int i = 0; i < 6; i++) {
            people.add(fixtures.person(tenant, OrgRole.MEMBER));
        }
        for (int step = 0; step < 80; step++) {
            var person = people.get(random.nextInt(people.size()));
            var mine = as(person, () -> enrollments.mine()).stream()
                    .filter(enrollment -> enrollment.takingPart() && open.contains(enrollment.programId()))
                    .toList();
            int action = random.nextInt(10);
            if (action < 5 || mine.isEmpty()) {
                var program = open.get(random.nextInt(open.size()));
                var role = random.nextBoolean() ? Role.MENTOR : Role.MENTEE;
                if (mine.stream().noneMatch(e -> e.programId().equals(program) && e.role() == role)) {
                    fixtures.enroll(person, program, role);
                }
            } else if (action == 5) {
                var enrollment = mine.get(random.nextInt(mine.size()));
                if (enrollment.available()) {
                    as(person, () -> enrollments.pause(enrollment.id()));
                } else {
                    as(person, () -> enrollments.resume(enrollment.id()));
                }
            } else if (action < 8) {
                var enrollment = mine.get(random.nextInt(mine.size()));
                as(person, () -> enrollments.withdraw(enrollment.id()));
            } else if (action == 8) {
                fixtures.closeProgram(tenant, open.remove(random.nextInt(open.size())));
                open.add(fixtures.openProgram(tenant));
            } else {
                as(admin, () -> members.deactivate(person.member().id()));
                people.remove(person);
                people.add(fixtures.person(tenant, OrgRole.MEMBER));
            }
        }

        await().atMost(AFTER_COMMIT)
                .untilAsserted(() -> assertThat(total(tenant))
                        .as("seats held = enrollments taking part in open programs")
                        .isEqualTo(takingPartInOpenPrograms(tenant)));
        var counters = inScope(tenant, () -> usage.perProgram());
        assertThat(inScope(tenant, () -> usage.rebuiltCounts())).isEqualTo(counters);
        assertThat(counters.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total(tenant));
        await().atMost(AFTER_COMMIT)
                .untilAsserted(() -> assertThat(accountSeats(tenant)).isEqualTo(total(tenant)));
    }

    private int takingPartInOpenPrograms(Tenant tenant) {
        return inScope(tenant, () -> jdbc.sql("""
                                select count(*) from enrollments e join programs p on p.id = e.program_id
                                where e.status in ('ACTIVE', 'PAUSED') and p.status in ('ENROLLING', 'RUNNING')
                                """).query(Integer.class).single());
    }

    private BillingFixtures.Person enroll(Tenant tenant, UUID program) {
        var person = fixtures.person(tenant, OrgRole.MEMBER);
        fixtures.enroll(person, program, Role.MENTEE);
        return person;
    }

    private int total(Tenant tenant) {
        return inScope(tenant, () -> ledger.total());
    }

    private long marks(Tenant tenant) {
        return jdbc.sql("select count(*) from platform.billing_seat_changes where tenant_id = ?")
                .param(tenant.id().value())
                .query(Long.class)
                .single();
    }

    private int accountSeats(Tenant tenant) {
        return jdbc.sql("select seats from platform.billing_accounts where tenant_id = :id")
                .param("id", tenant.id().value())
                .query(Integer.class)
                .single();
    }

    private List<String> reasons(Tenant tenant, UUID enrollment) {
        return inScope(
                tenant,
                () -> jdbc.sql("select change || ' ' || reason from seat_ledger where enrollment_id = :id order by id")
                        .param("id", enrollment)
                        .query(String.class)
                        .list());
    }

    private List<String> noticesTo(Tenant tenant, BillingFixtures.Person admin) {
        return inScope(
                tenant,
                () -> jdbc.sql("select subject from outbox where recipient = :to order by created_at, subject")
                        .param("to", admin.member().email())
                        .query(String.class)
                        .list());
    }

    /** Runs {@code work} in the tenant's scope and in a transaction, so plain SQL reaches the tenant's schema. */
    private <T> T inScope(Tenant tenant, java.util.function.Supplier<T> work) {
        return TenantScope.get(tenant.id(), () -> transactions.execute(tx -> work.get()));
    }
}
