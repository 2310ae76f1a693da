package org.imagingexchange.kit.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a service's schema up to date with Flyway from {@code classpath:db/migration} before the
 * service takes requests. Migrations there are plain SQL that runs on PostgreSQL and on H2 in PostgreSQL
 * mode; what must differ per database (index operator classes, ordering options) goes into
 * {@code db/postgresql} or {@code db/h2}, which are added for that database only, with versions of
 * their own. Liberty's class loader lists a resource folder only when it holds a file named
 * {@code flyway.location}: every service keeps an empty one in each of its migration folders.
 */
public final class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    private SchemaMigrations() {
    }

    /**
     * Applies pending migrations.
     *
     * @param dataSource the service's data source (container managed)
     * @param service    service name, for the log
     * @param loader     class loader that sees the service's {@code db/migration} resources
     * @return number of migrations applied now (0 when the schema was current)
     * @throws org.flywaydb.core.api.FlywayException when a migration fails or a checksum does not match;
     *                                               the service must then not start serving
     */
    public static int migrate(DataSource dataSource, String service, ClassLoader loader) {
        String vendor = "db/" + vendorOf(dataSource);
        String[] locations = loader.getResource(vendor + "/flyway.location") == null
                ? new String[] {"classpath:db/migration"}
                : new String[] {"classpath:db/migration", "classpath:" + vendor};
        MigrateResult result = Flyway.configure(loader)
                .dataSource(dataSource)
                .locations(locations)
                // No callbacks; without this Flyway probes classpath:db/callback on every start.
                .callbackLocations(new String[0])
                .load()
                .migrate();
        LOG.info(() -> "service=" + service + " schema migrations applied=" + result.migrationsExecuted
                + " version=" + result.targetSchemaVersion);
        return result.migrationsExecuted;
    }

    /**
     * @param dataSource the service's data source
     * @return {@code postgresql} or {@code h2} (lower-case JDBC product name, first word)
     * @throws IllegalStateException when the database cannot be reached
     */
    static String vendorOf(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().strip().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("database unreachable while choosing migrations: " + e.getMessage(), e);
        }
    }

    /**
     * @param dataSource data source to probe
     * @return true when a connection can be had and is valid within 2 seconds
     */
    public static boolean reachable(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
