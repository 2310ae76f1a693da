package org.imagingexchange.registry.persistence;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.imagingexchange.kit.persistence.SchemaMigrations;

/**
 * Applies the registry schema migrations when the application starts, before requests are served and
 * before any start-up crawl (observer priority {@value #PRIORITY}).
 */
@ApplicationScoped
public class RegistrySchema {

    /** Observer priority: lower runs first; the crawl scheduler observes after this. */
    public static final int PRIORITY = 100;

    @Resource(lookup = "jdbc/registry")
    DataSource dataSource;

    private volatile boolean migrated;

    void onStart(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object event) {
        SchemaMigrations.migrate(dataSource, "study-registry", RegistrySchema.class.getClassLoader());
        migrated = true;
    }

    /** @return true once migrations ran and the database answers */
    public boolean ready() {
        return migrated && SchemaMigrations.reachable(dataSource);
    }
}
