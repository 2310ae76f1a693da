package org.imagingexchange.gateway.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.imagingexchange.gateway.domain.CorrelationIds;
import org.imagingexchange.gateway.domain.ManifestBundles;
import org.imagingexchange.gateway.domain.RouteTable;
import org.imagingexchange.gateway.domain.UpstreamUri;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * Fuzzes what the gateway decides from a request before forwarding it: the route for a method and raw
 * path ({@link RouteTable}), the upstream URI built from it, the correlation id it accepts, and the sniffing
 * of a {@code POST /fhir/Bundle} body ({@link ManifestBundles}). The only acceptable failure is a 4xx problem
 * (404, 405, 413 ...); anything else would be a 500 and is a finding.
 */
class GatewayRequestFuzzTest {

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "TRACE"};
    private static final RouteTable ROUTES = new RouteTable();

    @FuzzTest(maxExecutions = 1_000_000)
    void route_anyMethodAndPath_routeOr4xx(FuzzedDataProvider data) {
        String method = data.consumeBoolean() ? data.pickValue(METHODS) : data.consumeString(8);
        String path = (data.consumeBoolean() ? "/" : "") + data.consumeString(300);
        String query = data.consumeString(200);
        CorrelationIds.accept(data.consumeString(100));
        try {
            var route = ROUTES.resolve(method, path);
            UpstreamUri.of(java.net.URI.create("http://127.0.0.1:9080/registry"), route.upstreamPath(), query);
        } catch (ProblemException e) {
            if (e.status() >= 500) {
                throw e;
            }
        } catch (IllegalArgumentException e) {
            // java.net.URI.create of the fixed base cannot fail; an upstream URI that cannot be built is refused
            // by UpstreamUri itself with a problem, so this is a finding
            throw e;
        }
    }

    @FuzzTest(maxExecutions = 1_000_000)
    void sniff_anyBundleBody_decisionOr4xx(FuzzedDataProvider data) {
        int limit = data.consumeInt(1, 1 << 16);
        byte[] body = data.consumeRemainingAsBytes();
        try {
            ManifestBundles.sniff(new ByteArrayInputStream(body), limit);
        } catch (ProblemException e) {
            if (e.status() >= 500) {
                throw e;
            }
        }
    }
}
