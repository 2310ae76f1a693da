package org.imagingexchange.registry.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.imagingexchange.registry.persistence.RegistrySchema;

/**
 * Ready when the schema is migrated and the database answers (MP Health {@code /health/ready}). Source
 * archives are not part of readiness: the index answers from what it holds while a source is down.
 */
@Readiness
@ApplicationScoped
public class RegistryReadinessCheck implements HealthCheck {

    @Inject
    RegistrySchema schema;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("study-registry-database").status(schema.ready()).build();
    }
}
