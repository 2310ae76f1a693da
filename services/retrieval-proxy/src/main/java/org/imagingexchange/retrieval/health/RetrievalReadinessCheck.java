package org.imagingexchange.retrieval.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.imagingexchange.retrieval.config.RetrievalConfig;

/**
 * Ready when the configuration is valid (MP Health {@code /health/ready}). Deliberately NOT tied to the
 * registry, consent service or source archives: the proxy is stateless, and a peer outage is answered
 * per request (503 registry, 502 source, consent fails closed). Tying readiness to a peer would take
 * every proxy pod out of the Service at once when that peer blips, and flap with it.
 */
@Readiness
@ApplicationScoped
public class RetrievalReadinessCheck implements HealthCheck {

    @Inject
    RetrievalConfig config;

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = config.invalidity();
        return HealthCheckResponse.named("retrieval-config")
                .status(problem.isEmpty())
                .withData("registry", config.registryUrl())
                .withData("problem", problem.orElse("none"))
                .build();
    }
}
