package app.tandem.infra.mail;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context's {@code spring.mail.*} at the JVM's {@link TestMailbox}. Use it with
 * {@code @ContextConfiguration(initializers = TestMailboxInitializer.class)}.
 */
public class TestMailboxInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "tandemTestMailbox", TestMailbox.get().asProperties()));
    }
}
