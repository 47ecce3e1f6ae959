package app.tandem.core.migration;

import app.tandem.core.CoreProperties.Migration.StartupPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Applies {@code tandem.core.migration.on-startup}: with {@code BEFORE_SERVING} every tenant is migrated after the
 * beans are ready and before the web server starts; with {@code BACKGROUND} the server starts at once and a
 * background thread migrates, while routing answers 503 for each tenant that is not current yet.
 */
class MigrationOnStartup implements SmartInitializingSingleton, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(MigrationOnStartup.class);

    private final TenantMigrator migrator;
    private final SchemaTemplate template;
    private final StartupPolicy policy;

    MigrationOnStartup(TenantMigrator migrator, SchemaTemplate template, StartupPolicy policy) {
        this.migrator = migrator;
        this.template = template;
        this.policy = policy;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (policy == StartupPolicy.BEFORE_SERVING) {
            run();
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (policy == StartupPolicy.BACKGROUND) {
            var thread = new Thread(this::run, "tenant-migration-on-startup");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        try {
            template.prepare();
            migrator.migrateAll();
        } catch (RuntimeException e) {
            log.error("Tenant migration on start-up failed; tenants that are not current answer 503", e);
        }
    }
}
