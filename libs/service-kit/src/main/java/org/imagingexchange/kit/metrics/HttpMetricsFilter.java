package org.imagingexchange.kit.metrics;

import io.prometheus.metrics.core.metrics.Histogram;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Records {@code http_server_request_duration_seconds} (histogram, seconds) for every JAX-RS request,
 * labelled by method, operation (resource class and method) and status. Attached as a filter, so
 * resources carry no metric calls. For streamed bodies the time is until the response head is written.
 */
@Provider
public class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String START = HttpMetricsFilter.class.getName() + ".start";

    private static final Histogram DURATION = Histogram.builder()
            .name("http_server_request_duration_seconds")
            .help("Duration of HTTP requests served by this service, until the response head")
            .labelNames("method", "operation", "status")
            .register();

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object start = request.getProperty(START);
        if (!(start instanceof Long startNanos)) {
            return;
        }
        String operation = resourceInfo == null || resourceInfo.getResourceMethod() == null ? "unmatched"
                : resourceInfo.getResourceClass().getSimpleName() + "." + resourceInfo.getResourceMethod().getName();
        DURATION.labelValues(request.getMethod(), operation, Integer.toString(response.getStatus()))
                .observe((System.nanoTime() - startNanos) / 1e9);
    }
}
