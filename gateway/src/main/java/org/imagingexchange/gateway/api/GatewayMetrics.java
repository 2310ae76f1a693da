package org.imagingexchange.gateway.api;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;

/**
 * The gateway's Prometheus metrics, registered once in the application's default registry and served
 * by the kit's {@code /metrics} servlet. Recorded by {@link GatewayServlet} only. Thread-safe.
 */
final class GatewayMetrics {

    /** Route label for requests that matched no route (or were refused before routing). */
    static final String UNMATCHED = "unmatched";

    private static final Histogram DURATION = Histogram.builder()
            .name("gateway_request_duration_seconds")
            .help("Duration of requests through the gateway until the last response byte, in seconds")
            .labelNames("route", "status")
            .register();

    private static final Counter UPSTREAM_ERRORS = Counter.builder()
            .name("gateway_upstream_errors_total")
            .help("Exchanges with a service that failed (unreachable, timeout, broken response)")
            .labelNames("route")
            .register();

    private static final Counter RATE_LIMITED = Counter.builder()
            .name("gateway_rate_limited_total")
            .help("Requests refused with 429 because their caller used up its request budget")
            .register();

    private GatewayMetrics() {
    }

    /**
     * @param route       route name or {@link #UNMATCHED}
     * @param status      HTTP status answered
     * @param startNanos  {@link System#nanoTime()} at arrival
     */
    static void observe(String route, int status, long startNanos) {
        DURATION.labelValues(route, Integer.toString(status)).observe((System.nanoTime() - startNanos) / 1e9);
    }

    /** Counts one request refused by the per-caller rate limit. */
    static void rateLimited() {
        RATE_LIMITED.inc();
    }

    /** @param route the route whose service failed */
    static void upstreamError(String route) {
        UPSTREAM_ERRORS.labelValues(route).inc();
    }
}
