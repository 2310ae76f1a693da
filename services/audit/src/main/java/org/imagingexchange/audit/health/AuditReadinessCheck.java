package org.imagingexchange.audit.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.imagingexchange.audit.persistence.AuditSchema;

/** Ready when the schema is migrated and the database answers (MP Health {@code /health/ready}). */
@Readiness
@ApplicationScoped
public class AuditReadinessCheck implements HealthCheck {

    @Inject
    AuditSchema schema;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("audit-database").status(schema.ready()).build();
    }
}
