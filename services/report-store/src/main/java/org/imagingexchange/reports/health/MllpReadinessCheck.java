package org.imagingexchange.reports.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.imagingexchange.reports.api.hl7v2.MllpListener;

/** Ready unless the configured HL7 v2 MLLP port could not be bound (MP Health {@code /health/ready}; disabled = up). */
@Readiness
@ApplicationScoped
public class MllpReadinessCheck implements HealthCheck {

    @Inject
    MllpListener listener;

    @Override
    public HealthCheckResponse call() {
        MllpListener.State state = listener.state();
        return HealthCheckResponse.named("report-store-mllp").status(state != MllpListener.State.FAILED)
                .withData("state", state.name()).build();
    }
}
