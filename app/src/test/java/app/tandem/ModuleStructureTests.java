package app.tandem;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of DESIGN.md, enforced: each module's production code may use only the modules it is allowed to.
 * Maven dependencies already forbid cycles; this also catches a module reaching into one its POM happens to have on
 * the classpath, and any module reaching up into the application.
 */
class ModuleStructureTests {

    static final String CORE = "app.tandem.core..";
    static final String IDENTITY = "app.tandem.identity..";
    static final String TENANT_ADMIN = "app.tandem.tenantadmin..";
    static final String MENTORING = "app.tandem.mentoring..";
    static final String BILLING = "app.tandem.billing..";
    static final String INFRA = "app.tandem.infra..";
    static final String BENCH = "app.tandem.bench..";
    static final String[] APPLICATION = {"app.tandem", "app.tandem.site..", "app.tandem.demo.."};

    static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ModuleStructureTests::notATestJar)
                .importPackages("app.tandem");
    }

    private static boolean notATestJar(Location location) {
        return !location.contains("-tests.jar") && !location.contains("/test-classes/");
    }

    @Test
    void platformCoreDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(IDENTITY, TENANT_ADMIN, MENTORING, BILLING, INFRA, BENCH)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(APPLICATION)
                .check(production);
    }

    @Test
    void identityDependsOnlyOnPlatformCore() {
        noClasses()
                .that()
                .resideInAPackage(IDENTITY)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(TENANT_ADMIN, MENTORING, BILLING, INFRA, BENCH)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(APPLICATION)
                .check(production);
    }

    @Test
    void mentoringNeverSeesBillingOrTenantAdmin() {
        noClasses()
                .that()
                .resideInAPackage(MENTORING)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(TENANT_ADMIN, BILLING, INFRA, BENCH)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(APPLICATION)
                .check(production);
    }

    @Test
    void billingDependsOnlyOnPlatformCoreIdentityAndMentoring() {
        noClasses()
                .that()
                .resideInAPackage(BILLING)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(TENANT_ADMIN, INFRA, BENCH)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(APPLICATION)
                .check(production);
    }

    @Test
    void tenantAdminOrchestratesThroughTheCoreAndIdentityOnly() {
        noClasses()
                .that()
                .resideInAPackage(TENANT_ADMIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(MENTORING, BILLING, INFRA, BENCH)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(APPLICATION)
                .check(production);
    }

    @Test
    void infraKnowsNothingOfTandem() {
        noClasses()
                .that()
                .resideInAPackage(INFRA)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CORE, IDENTITY, TENANT_ADMIN, MENTORING, BILLING, BENCH)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(APPLICATION)
                .check(production);
    }

    @Test
    void theApplicationDoesNotUseDevServicesInProductionCode() {
        noClasses()
                .that()
                .resideInAnyPackage(APPLICATION)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(INFRA, BENCH)
                .check(production);
    }
}
