package org.imagingexchange.reports.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.imagingexchange.kit.persistence.SchemaMigrations;

/** Applies the report store's schema migrations when the application starts, before requests are served. */
@ApplicationScoped
public class ReportSchema {

    @Resource(lookup = "jdbc/reports")
    DataSource dataSource;

    private volatile boolean migrated;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        SchemaMigrations.migrate(dataSource, "report-store", ReportSchema.class.getClassLoader());
        migrated = true;
    }

    /** @return true once migrations ran and the database answers */
    public boolean ready() {
        return migrated && SchemaMigrations.reachable(dataSource);
    }
}
