package org.imagingexchange.allinone;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imagingexchange.testsupport.Http;

/**
 * Waits until the all-in-one server answers for every component: the server's readiness alone is not
 * enough, since an application still starting has not yet registered its context root (the gateway, at
 * "/", then answers its paths with 404). Each component's {@code <context-root>/metrics} must answer 200.
 */
final class PlatformReady {

    /**
     * Each component's Prometheus endpoint on this server ({@code <context-root>/metrics}, the gateway's at the root),
     * by component name (the job label the chart's ServiceMonitors give its series); the gateway, at "/", last.
     */
    static final Map<String, String> METRICS_PATHS = metricsPaths();

    private static final List<String> PROBES =
            Stream.concat(Stream.of("/health/ready"), METRICS_PATHS.values().stream()).toList();

    private PlatformReady() {
    }

    private static Map<String, String> metricsPaths() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("study-registry", "/registry/metrics");
        paths.put("report-store", "/reports/metrics");
        paths.put("consent", "/consent/metrics");
        paths.put("audit", "/audit/metrics");
        paths.put("retrieval-proxy", "/retrieval/metrics");
        paths.put("gateway", "/metrics");
        return Collections.unmodifiableMap(paths);
    }

    /** @return the probe's status; 0 when the request failed or timed out (a busy server starting up) */
    private static int status(String probe) {
        try {
            return Http.get(probe, null).statusCode();
        } catch (IllegalStateException e) {
            return 0;
        }
    }

    /**
     * @param timeout how long to wait at most
     * @throws AssertionError naming the first probe that did not answer 200 in time
     */
    static void await(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        for (String probe : PROBES) {
            while (status(probe) != 200) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the all-in-one server did not answer " + probe + " within " + timeout);
                }
                Thread.sleep(500);
            }
        }
    }
}
