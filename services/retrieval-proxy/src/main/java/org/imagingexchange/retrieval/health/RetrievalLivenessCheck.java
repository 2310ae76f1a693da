package org.imagingexchange.retrieval.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the application is deployed and its threads answer (MP Health {@code /health/live}). */
@Liveness
@ApplicationScoped
public class RetrievalLivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("retrieval-proxy").up().build();
    }
}
