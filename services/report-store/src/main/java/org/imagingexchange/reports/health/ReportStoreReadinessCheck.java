package org.imagingexchange.reports.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.imagingexchange.reports.persistence.ReportSchema;

/** Ready when the schema is migrated and the database answers (MP Health {@code /health/ready}). */
@Readiness
@ApplicationScoped
public class ReportStoreReadinessCheck implements HealthCheck {

    @Inject
    ReportSchema schema;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("report-store-database").status(schema.ready()).build();
    }
}
