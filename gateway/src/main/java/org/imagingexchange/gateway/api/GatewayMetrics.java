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

    private static final Counter ADMISSION_REFUSED = Counter.builder()
            .name("gateway_admission_refused_total")
            .help("Requests answered 503 because the gateway's wait queue was full or the wait timed out")
            .register();

    private static final java.util.concurrent.atomic.AtomicBoolean WATCHING = new java.util.concurrent.atomic.AtomicBoolean();

    private GatewayMetrics() {
    }

    /**
     * Registers gauges of the admission control: requests forwarded now and requests waiting.
     *
     * @param requests   admission control of searches, reads and writes
     * @param retrievals admission control of WADO-RS retrievals
     */
    static void watch(org.imagingexchange.gateway.domain.Admission requests,
                      org.imagingexchange.gateway.domain.Admission retrievals) {
        if (!WATCHING.compareAndSet(false, true)) {
            return;
        }
        io.prometheus.metrics.core.metrics.GaugeWithCallback.builder()
                .name("gateway_requests_in_flight").help("Requests the gateway is forwarding to the services now")
                .labelNames("class")
                .callback(cb -> {
                    cb.call(requests.inFlight(), "request");
                    cb.call(retrievals.inFlight(), "retrieval");
                }).register();
        io.prometheus.metrics.core.metrics.GaugeWithCallback.builder()
                .name("gateway_requests_queued").help("Requests waiting for the gateway to forward them")
                .labelNames("class")
                .callback(cb -> {
                    cb.call(requests.queued(), "request");
                    cb.call(retrievals.queued(), "retrieval");
                }).register();
    }

    /** Counts one request refused by the admission control. */
    static void admissionRefused() {
        ADMISSION_REFUSED.inc();
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
