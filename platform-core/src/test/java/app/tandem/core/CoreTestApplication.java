package app.tandem.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The tenancy kernel on its own, for the module's integration tests. */
@SpringBootApplication
public class CoreTestApplication {}
