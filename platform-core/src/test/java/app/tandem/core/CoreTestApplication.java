package app.tandem.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;

/**
 * The tenancy kernel on its own, for the module's integration tests. Where the whole application is on the classpath
 * (the app module's tests and local runs see this module's test classes), it steps aside for TandemApplication.
 */
@SpringBootApplication
@ConditionalOnMissingClass("app.tandem.TandemApplication")
public class CoreTestApplication {}
