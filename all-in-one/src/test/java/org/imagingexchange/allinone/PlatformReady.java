package org.imagingexchange.allinone;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.imagingexchange.testsupport.Http;

/**
 * Waits until the all-in-one server answers for every component: the server's readiness alone is not
 * enough, since an application still starting has not yet registered its context root (the gateway, at
 * "/", then answers its paths with 404). Each component's {@code <context-root>/metrics} must answer 200.
 */
final class PlatformReady {

    private static final List<String> PROBES = List.of("/health/ready", "/registry/metrics", "/reports/metrics",
            "/consent/metrics", "/audit/metrics", "/retrieval/metrics", "/metrics");

    private PlatformReady() {
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
