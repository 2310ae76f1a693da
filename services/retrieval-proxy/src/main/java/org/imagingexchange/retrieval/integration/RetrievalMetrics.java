package org.imagingexchange.retrieval.integration;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.io.InputStream;

/**
 * Prometheus metrics of the source-archive adapter, registered once in the application's default
 * registry (served by the kit's {@code /metrics}):
 * <ul>
 * <li>{@code retrieval_bytes_streamed_total{source}}: bytes read from a source and passed on</li>
 * <li>{@code retrieval_time_to_first_byte_seconds{source}}: request sent until the source's response head</li>
 * <li>{@code retrieval_duration_seconds{source,outcome}}: request sent until the body is closed;
 *     outcome {@code complete}, {@code aborted} (closed early, e.g. client went away) or {@code failed}</li>
 * <li>{@code retrieval_in_flight}: source bodies open right now</li>
 * <li>{@code retrieval_upstream_errors_total{source,reason}}: failed source calls</li>
 * </ul>
 * Thread-safe.
 */
@ApplicationScoped
public class RetrievalMetrics {

    private static final double[] LATENCY_BUCKETS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};

    private static final Counter BYTES = Counter.builder()
            .name("retrieval_bytes_streamed_total")
            .help("Bytes streamed from source archives to requesters")
            .labelNames("source")
            .register();

    private static final Histogram FIRST_BYTE = Histogram.builder()
            .name("retrieval_time_to_first_byte_seconds")
            .help("Time from sending a WADO-RS request to a source archive until its response head")
            .labelNames("source")
            .classicUpperBounds(LATENCY_BUCKETS)
            .register();

    private static final Histogram DURATION = Histogram.builder()
            .name("retrieval_duration_seconds")
            .help("Time from sending a WADO-RS request to a source archive until its body is closed")
            .labelNames("source", "outcome")
            .classicUpperBounds(LATENCY_BUCKETS)
            .register();

    private static final Gauge IN_FLIGHT = Gauge.builder()
            .name("retrieval_in_flight")
            .help("Source archive response bodies being streamed right now")
            .register();

    private static final Counter UPSTREAM_ERRORS = Counter.builder()
            .name("retrieval_upstream_errors_total")
            .help("WADO-RS calls to source archives that failed, by reason")
            .labelNames("source", "reason")
            .register();

    /**
     * Loads this class at application start, so the metrics are exposed (at zero) before the first retrieval.
     *
     * @param startup CDI's start-up event
     */
    void registerAtStartup(@Observes Startup startup) {
        // Registration happens in the static initialisers; observing the event is what triggers them.
    }

    /**
     * @param sourceId     the source
     * @param startNanos   {@link System#nanoTime()} when the request was sent
     */
    void firstByte(String sourceId, long startNanos) {
        FIRST_BYTE.labelValues(sourceId).observe(secondsSince(startNanos));
    }

    /**
     * @param sourceId the source
     * @param reason   low-cardinality reason, e.g. {@code unreachable}, {@code timeout}, {@code http_5xx}
     */
    void upstreamError(String sourceId, String reason) {
        UPSTREAM_ERRORS.labelValues(sourceId, reason).inc();
    }

    /**
     * Wraps an open source body so its bytes, duration and in-flight time are counted.
     *
     * @param sourceId   the source
     * @param body       the open body
     * @param startNanos {@link System#nanoTime()} when the request was sent
     * @return the metered body; closing it closes {@code body}
     */
    InputStream meter(String sourceId, InputStream body, long startNanos) {
        IN_FLIGHT.inc();
        return new MeteredBody(body, n -> BYTES.labelValues(sourceId).inc(n), outcome -> {
            IN_FLIGHT.dec();
            DURATION.labelValues(sourceId, outcome).observe(secondsSince(startNanos));
        });
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
