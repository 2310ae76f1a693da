package org.imagingexchange.consent.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.imagingexchange.consent.persistence.ConsentSchema;

/** Ready when the schema is migrated and the database answers (MP Health {@code /health/ready}). */
@Readiness
@ApplicationScoped
public class ConsentReadinessCheck implements HealthCheck {

    @Inject
    ConsentSchema schema;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("consent-database").status(schema.ready()).build();
    }
}
