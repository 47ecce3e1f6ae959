package app.tandem.billing;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;

/**
 * The tenancy kernel, identity, mentoring and billing, for this module's integration tests. It scans all of
 * {@code app.tandem}. Where the whole application is on the classpath, it steps aside for TandemApplication.
 */
@SpringBootApplication(scanBasePackages = "app.tandem")
@AutoConfigurationPackage(basePackages = "app.tandem")
@ConditionalOnMissingClass("app.tandem.TandemApplication")
public class BillingTestApplication {}
