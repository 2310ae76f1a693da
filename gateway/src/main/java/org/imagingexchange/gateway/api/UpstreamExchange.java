package org.imagingexchange.gateway.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.gateway.config.GatewayConfig;
import org.imagingexchange.gateway.domain.ClientConnection;
import org.imagingexchange.gateway.domain.ForwardingHeaders;
import org.imagingexchange.gateway.domain.LocationRewriter;
import org.imagingexchange.gateway.domain.PayloadTooLargeException;
import org.imagingexchange.gateway.domain.Route;
import org.imagingexchange.gateway.domain.UpstreamUnavailableException;
import org.imagingexchange.gateway.domain.UpstreamUri;
import org.imagingexchange.gateway.integration.BodyLimitInputStream;
import org.imagingexchange.gateway.integration.HttpUpstreamClient;
import org.imagingexchange.gateway.integration.UpstreamRequest;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * Forwards one routed request to its service and streams the answer back, on the servlet's asynchronous
 * context: no container thread waits for the service's response head. Request bodies stream into the
 * HTTP client (cut off with 413 beyond {@code exchange.gateway.max-body-bytes}); response bodies are
 * copied in 64 KiB chunks and flushed whenever the service has nothing more buffered, so a study is never
 * held whole. Status and headers are copied (hop-by-hop removed, {@code Location} rewritten to the public
 * path). Thread-safe.
 */
@ApplicationScoped
public class UpstreamExchange {

    private static final Logger LOG = Logger.getLogger(UpstreamExchange.class.getName());
    private static final int CHUNK = 64 * 1024;
    private static final Set<String> NOT_COPIED = Set.of("date", "server", "content-length", "content-type");

    @Inject
    GatewayConfig config;

    @Inject
    HttpUpstreamClient client;

    /**
     * What the servlet decided for a request.
     *
     * @param route         the matched route
     * @param rawPath       the raw public path
     * @param correlationId the request's correlation id
     * @param startNanos    {@link System#nanoTime()} at arrival, for the duration metric
     */
    public record Forwarding(Route route, String rawPath, String correlationId, long startNanos) {
    }

    /**
     * Starts forwarding; the response is completed later on another thread.
     *
     * @param req the client's request (asynchronous processing is started on it)
     * @param f   the routing decision
     * @throws UpstreamUnavailableException (503) when the route's service URL is misconfigured
     */
    public void forward(HttpServletRequest req, Forwarding f) {
        forward(req, f, null);
    }

    /**
     * Starts forwarding a request of which the gateway has already read the start (to route it by content).
     *
     * @param req    the client's request (asynchronous processing is started on it)
     * @param f      the routing decision
     * @param prefix the first bytes of the body, already read from the request; null when none were read
     * @throws UpstreamUnavailableException (503) when the route's service URL is misconfigured
     */
    public void forward(HttpServletRequest req, Forwarding f, byte[] prefix) {
        URI base = config.baseUrl(f.route().backend()).orElseThrow(() ->
                UpstreamUnavailableException.unreachable(f.route().backend(), null));
        URI target = UpstreamUri.of(base, f.route().upstreamPath(), req.getQueryString());
        ClientConnection connection = new ClientConnection(req.getRemoteAddr(), req.getScheme(), req.getHeader("Host"));
        Map<String, List<String>> headers = ForwardingHeaders.toUpstream(headersOf(req), connection, f.correlationId());
        long length = req.getContentLengthLong();
        boolean hasBody = length > 0 || (length < 0 && req.getHeader("Transfer-Encoding") != null);
        long limit = config.maxBodyBytes();
        UpstreamRequest upstream = new UpstreamRequest(req.getMethod(), target, headers, hasBody || prefix != null
                ? () -> new BodyLimitInputStream(prefix == null ? bodyOf(req)
                        : new SequenceInputStream(new ByteArrayInputStream(prefix), bodyOf(req)), limit)
                : null, hasBody ? length : prefix != null ? -1 : 0);
        String publicBase = publicBase(headers, req);
        AsyncContext async = req.startAsync();
        async.setTimeout(0); // bodies of whole studies may stream for long; the head has its own timeout
        client.send(upstream).whenComplete((response, error) ->
                async.start(() -> respond(async, f, base, publicBase, response, error)));
    }

    private void respond(AsyncContext async, Forwarding f, URI base, String publicBase,
                         HttpResponse<InputStream> response, Throwable error) {
        HttpServletResponse resp = (HttpServletResponse) async.getResponse();
        int status = 0;
        try {
            if (error != null) {
                ProblemException problem = HttpUpstreamClient.problemFor(error, f.route().backend());
                if (!(problem instanceof PayloadTooLargeException)) {
                    GatewayMetrics.upstreamError(f.route().name());
                    LOG.log(Level.WARNING, "cid=" + f.correlationId() + " route=" + f.route().name() + " upstream "
                            + base + " failed: " + error);
                }
                status = problem.status();
                ServletProblems.write(resp, problem, f.rawPath(), f.correlationId());
                return;
            }
            status = response.statusCode();
            copyHead(response, resp, base, publicBase);
            copyBody(response, resp, f);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.FINE, () -> "cid=" + f.correlationId() + " client connection failed: " + e);
        } finally {
            GatewayMetrics.observe(f.route().name(), status, f.startNanos());
            async.complete();
        }
    }

    private static void copyHead(HttpResponse<InputStream> response, HttpServletResponse resp, URI base,
                                 String publicBase) {
        resp.setStatus(response.statusCode());
        Map<String, List<String>> headers = ForwardingHeaders.toClient(response.headers().map(),
                location -> LocationRewriter.rewrite(location, base, publicBase));
        headers.forEach((name, values) -> {
            if (!NOT_COPIED.contains(name)) {
                values.forEach(v -> resp.addHeader(name, v));
            }
        });
        // Set through the dedicated setters so the container neither re-encodes the type nor re-chunks.
        response.headers().firstValue("content-type").ifPresent(resp::setContentType);
        response.headers().firstValueAsLong("content-length").ifPresent(resp::setContentLengthLong);
    }

    private static void copyBody(HttpResponse<InputStream> response, HttpServletResponse resp, Forwarding f)
            throws IOException {
        try (InputStream in = response.body()) {
            ServletOutputStream out = resp.getOutputStream();
            byte[] buffer = new byte[CHUNK];
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    GatewayMetrics.upstreamError(f.route().name());
                    LOG.log(Level.WARNING, "cid=" + f.correlationId() + " upstream body broke off: " + e);
                    return;
                }
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                if (in.available() == 0) {
                    out.flush();
                }
            }
            out.flush();
        }
    }

    private static InputStream bodyOf(HttpServletRequest req) {
        try {
            return req.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> headersOf(HttpServletRequest req) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, Collections.list(req.getHeaders(name)));
        }
        return headers;
    }

    /** @return the public origin the client used, honouring the forwarding headers of a front proxy */
    private static String publicBase(Map<String, List<String>> forwarded, HttpServletRequest req) {
        String proto = forwarded.getOrDefault("x-forwarded-proto", List.of(req.getScheme())).get(0);
        String host = forwarded.getOrDefault("x-forwarded-host", List.of("")).get(0);
        if (host.isEmpty()) {
            host = req.getServerName() + ":" + req.getServerPort();
        }
        return proto + "://" + host;
    }
}
