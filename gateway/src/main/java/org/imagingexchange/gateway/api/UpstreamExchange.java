package org.imagingexchange.gateway.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
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
import org.imagingexchange.gateway.integration.UpstreamResponse;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * Forwards one routed request to its service and streams the answer back on the request's own thread:
 * the HTTP client reads the service's response from the pooled connection and the body is copied to the
 * client in 256 KiB reads, flushed whenever the service has nothing more buffered, so a study is never
 * held whole and no thread hand-off sits between the two sockets. Request bodies stream into the HTTP
 * client (cut off with 413 beyond {@code exchange.gateway.max-body-bytes}). Status and headers are copied
 * (hop-by-hop removed, {@code Location} rewritten to the public path) and go out with the first body bytes.
 *
 * <p>A service body that breaks off (connection lost, truncated chunked or length-delimited body, read
 * timeout) is counted, logged and rethrown by {@link #forward} ({@link UpstreamBodyBrokenException}): the
 * copy stops at once and the exception reaches the container, which must end the client's response
 * abnormally (a container that closes the connection on an exception after the commit gives the client
 * a broken transfer). Open Liberty 26 instead appends an error text and ends the chunked body normally;
 * the Servlet API offers no abort (jakartaee/servlet issue 98), see bench/retrieval/results.
 * A client that goes away aborts the service exchange at once. Thread-safe.
 */
@ApplicationScoped
public class UpstreamExchange {

    private static final Logger LOG = Logger.getLogger(UpstreamExchange.class.getName());
    private static final int CHUNK = 256 * 1024;
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
     * The service's body broke off after the response head was sent: the client's response must end
     * abnormally (the servlet container closes the connection when this propagates).
     */
    public static final class UpstreamBodyBrokenException extends IOException {
        private static final long serialVersionUID = 1L;

        UpstreamBodyBrokenException(String message, IOException cause) {
            super(message, cause);
        }
    }

    /**
     * Forwards the request and streams the service's response to the client; returns when the response
     * is complete or the client has gone.
     *
     * @param req  the client's request
     * @param resp the client's response
     * @param f    the routing decision
     * @throws ProblemException            before anything was sent: 503 unreachable or misconfigured,
     *                                     504 timeout, 502 failed exchange, 413 body over the limit
     * @throws UpstreamBodyBrokenException when the service's body broke off after the head was sent
     */
    public void forward(HttpServletRequest req, HttpServletResponse resp, Forwarding f) throws IOException {
        forward(req, resp, f, null);
    }

    /**
     * Forwards a request of which the gateway has already read the start (to route it by content).
     *
     * @param req    the client's request
     * @param resp   the client's response
     * @param f      the routing decision
     * @param prefix the first bytes of the body, already read from the request; null when none were read
     * @throws ProblemException            as {@link #forward(HttpServletRequest, HttpServletResponse, Forwarding)}
     * @throws UpstreamBodyBrokenException when the service's body broke off after the head was sent
     */
    public void forward(HttpServletRequest req, HttpServletResponse resp, Forwarding f, byte[] prefix)
            throws IOException {
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
        UpstreamResponse response;
        try {
            response = client.send(upstream);
        } catch (IOException | UncheckedIOException e) {
            ProblemException problem = HttpUpstreamClient.problemFor(e, f.route().backend());
            if (!(problem instanceof PayloadTooLargeException)) {
                GatewayMetrics.upstreamError(f.route().name());
                LOG.log(Level.WARNING, "cid=" + f.correlationId() + " route=" + f.route().name() + " upstream "
                        + base + " failed: " + e);
            }
            throw problem;
        }
        try (response) {
            copyHead(response, resp, base, publicBase);
            copyBody(response, resp, f);
        } finally {
            GatewayMetrics.observe(f.route().name(), response.status(), f.startNanos());
        }
    }

    private static void copyHead(UpstreamResponse response, HttpServletResponse resp, URI base, String publicBase) {
        resp.setStatus(response.status());
        Map<String, List<String>> headers = ForwardingHeaders.toClient(response.headers(),
                location -> LocationRewriter.rewrite(location, base, publicBase));
        headers.forEach((name, values) -> {
            if (!NOT_COPIED.contains(name)) {
                values.forEach(v -> resp.addHeader(name, v));
            }
        });
        // Set through the dedicated setters so the container neither re-encodes the type nor re-chunks.
        response.header("content-type").ifPresent(resp::setContentType);
        response.header("content-length").ifPresent(v -> {
            try {
                resp.setContentLengthLong(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                LOG.log(Level.FINE, () -> "service sent an invalid Content-Length, body sent chunked: " + v);
            }
        });
    }

    /**
     * Copies the body; the head goes out with the first bytes. An upstream read failure is rethrown as
     * {@link UpstreamBodyBrokenException}; a failing client write ends the copy quietly (the client left).
     */
    private static void copyBody(UpstreamResponse response, HttpServletResponse resp, Forwarding f)
            throws IOException {
        resp.setBufferSize(CHUNK); // fewer, larger writes and chunks toward the client
        ServletOutputStream out = resp.getOutputStream();
        byte[] buffer = new byte[CHUNK];
        // Not closed here: closing a body stream reads it to its end; the response's close aborts instead.
        InputStream in = response.body();
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                GatewayMetrics.upstreamError(f.route().name());
                LOG.log(Level.WARNING, "cid=" + f.correlationId() + " upstream body broke off: " + e);
                throw new UpstreamBodyBrokenException("the service's body broke off", e);
            }
            if (n < 0) {
                response.complete();
                break;
            }
            try {
                out.write(buffer, 0, n);
                if (in.available() == 0) {
                    out.flush();
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, () -> "cid=" + f.correlationId() + " client connection failed: " + e);
                return;
            }
        }
        try {
            out.flush();
        } catch (IOException e) {
            LOG.log(Level.FINE, () -> "cid=" + f.correlationId() + " client connection failed: " + e);
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
