package app.tandem.mentoring;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;

/**
 * The tenancy kernel, identity and mentoring, for this module's integration tests. It scans all of {@code app.tandem}
 * (core's and identity's beans, entities and repositories included). Where the whole application is on the classpath,
 * it steps aside for TandemApplication.
 */
@SpringBootApplication(scanBasePackages = "app.tandem")
@AutoConfigurationPackage(basePackages = "app.tandem")
@ConditionalOnMissingClass("app.tandem.TandemApplication")
public class MentoringTestApplication {}
