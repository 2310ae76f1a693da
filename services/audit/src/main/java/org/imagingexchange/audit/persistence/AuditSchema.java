package org.imagingexchange.audit.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.imagingexchange.kit.persistence.SchemaMigrations;

/** Applies the audit schema migrations when the application starts, before requests are served. */
@ApplicationScoped
public class AuditSchema {

    @Resource(lookup = "jdbc/audit")
    DataSource dataSource;

    private volatile boolean migrated;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        SchemaMigrations.migrate(dataSource, "audit", AuditSchema.class.getClassLoader());
        migrated = true;
    }

    /** @return true once migrations ran and the database answers */
    public boolean ready() {
        return migrated && SchemaMigrations.reachable(dataSource);
    }
}
