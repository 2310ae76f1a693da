package org.imagingexchange.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.imagingexchange.gateway.config.GatewayConfig;
import org.imagingexchange.gateway.domain.AccessTokenVerifier;

/**
 * Ready (MP Health {@code /health/ready}) when the configuration is valid and the realm's token keys
 * (JWKS) can be had, i.e. when the gateway can decide about tokens. The services behind it are NOT
 * checked: each has its own readiness, and one unready service must not take the whole entry out of
 * the load balancer (its routes answer 503 meanwhile).
 */
@Readiness
@ApplicationScoped
public class GatewayReadinessCheck implements HealthCheck {

    @Inject
    GatewayConfig config;

    @Inject
    AccessTokenVerifier verifier;

    @Override
    public HealthCheckResponse call() {
        boolean configValid = config.errors().isEmpty();
        boolean keys = verifier.keysAvailable();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("gateway")
                .status(configValid && keys)
                .withData("configuration", configValid ? "valid" : String.join("; ", config.errors()))
                .withData("tokenKeys", keys ? "available" : "unavailable");
        return b.build();
    }
}
