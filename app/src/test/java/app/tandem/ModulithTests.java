package app.tandem;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's view of the modules: each is its top-level package under {@code app.tandem}; another module may
 * use only its root package and the named interfaces its {@code package-info.java} declares, and no two modules may
 * depend on each other in a cycle. {@link ModuleStructureTests} keeps the allowed directions of DESIGN.md; this keeps
 * the insides of a module to itself. The same test writes the module canvas into {@code docs/modules}.
 */
class ModulithTests {

    /**
     * The production code: the dev services of {@code infra} (a test dependency) and the test jars of the modules are
     * on this test's class path but belong to no module.
     */
    static final ApplicationModules MODULES = ApplicationModules.of(
            TandemApplication.class,
            JavaClass.Predicates.resideInAPackage("app.tandem.infra..").or(new DescribedPredicate<>("test code") {
                @Override
                public boolean test(JavaClass type) {
                    return type.getSource()
                            .map(source -> source.getUri().toString())
                            .filter(uri -> uri.contains("/test-classes/") || uri.contains("-tests.jar"))
                            .isPresent();
                }
            }));

    @Test
    void everyModuleUsesOnlyWhatTheOthersPublish() {
        MODULES.verify();
    }

    @Test
    void theModuleDiagramsAreWrittenIntoTheDocs() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
