package org.imagingexchange.registry.api;

import io.prometheus.metrics.core.metrics.Histogram;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Histogram {@code registry_qido_request_duration_seconds{level,status}} (seconds): latency of QIDO-RS
 * searches (PS3.18 §10.6) from request to response head, including consent filtering; level is
 * {@code study}, {@code series} or {@code instance}.
 */
@Provider
@QidoMetered
public class QidoLatencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String START = QidoLatencyFilter.class.getName() + ".start";

    private static final Histogram LATENCY = Histogram.builder()
            .name("registry_qido_request_duration_seconds")
            .help("Latency of QIDO-RS searches answered by the registry, consent filtering included")
            .labelNames("level", "status")
            .register();

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(START) instanceof Long start) {
            String path = request.getUriInfo().getPath();
            String level = path.endsWith("/instances") ? "instance" : path.endsWith("/series") ? "series" : "study";
            LATENCY.labelValues(level, Integer.toString(response.getStatus())).observe((System.nanoTime() - start) / 1e9);
        }
    }
}
