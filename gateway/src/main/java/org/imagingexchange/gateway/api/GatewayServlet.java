package org.imagingexchange.gateway.api;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.gateway.config.GatewayConfig;
import org.imagingexchange.gateway.domain.AccessTokenVerifier;
import org.imagingexchange.gateway.domain.Caller;
import org.imagingexchange.gateway.domain.CorrelationIds;
import org.imagingexchange.gateway.domain.CorsOriginNotAllowedException;
import org.imagingexchange.gateway.domain.CorsPolicy;
import org.imagingexchange.gateway.domain.Admission;
import org.imagingexchange.gateway.domain.Backend;
import org.imagingexchange.gateway.domain.GatewayBusyException;
import org.imagingexchange.gateway.domain.InsufficientRoleException;
import org.imagingexchange.gateway.domain.InsufficientScopeException;
import org.imagingexchange.gateway.domain.SecurityHeaders;
import org.imagingexchange.gateway.domain.MissingBearerTokenException;
import org.imagingexchange.gateway.domain.PayloadTooLargeException;
import org.imagingexchange.gateway.domain.RateLimitExceededException;
import org.imagingexchange.gateway.domain.Route;
import org.imagingexchange.gateway.domain.ManifestBundles;
import org.imagingexchange.gateway.domain.RouteTable;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * The gateway's single entry for every public path ({@code /*}; {@code /metrics} and the MP Health and
 * OpenAPI endpoints are served elsewhere). In order: correlation id, CORS (a preflight is answered here,
 * without a token), bearer token (RFC 6750) verified by the {@link AccessTokenVerifier}, the caller's
 * request budget ({@link org.imagingexchange.gateway.domain.RateLimits}, 429), route and method
 * ({@link RouteTable}), the route's roles and, unless switched off, a SMART scope granting the route's
 * {@link org.imagingexchange.gateway.domain.ResourceAccess}, the declared body size; then the request is forwarded and
 * streamed by {@link UpstreamExchange} on this request's thread. Every refusal is a problem response (401,
 * 403, 404, 405, 413, 429, 502-504); a service body that breaks off after the head was sent propagates as an
 * exception, so the container ends the client's response abnormally.
 */
@WebServlet(urlPatterns = "/*", asyncSupported = true, loadOnStartup = 1)
public class GatewayServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(GatewayServlet.class.getName());
    private static final String BEARER = "bearer ";
    /** Control characters and blanks, replaced in logged values so that a line stays one line. */
    private static final java.util.regex.Pattern UNPRINTABLE = java.util.regex.Pattern.compile("[\\p{Cntrl}\\s]");

    /** Most bytes of a {@code POST /fhir/Bundle} read to tell a MADO manifest from a report (16 MiB). */
    static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

    private final transient RouteTable routes = new RouteTable();

    @Inject
    transient GatewayConfig config;

    @Inject
    transient AccessTokenVerifier verifier;

    @Inject
    transient UpstreamExchange exchange;

    /** The security headers of answers to plain HTTP and to HTTPS requests, built once. */
    private transient Map<String, String> plainHeaders;
    private transient Map<String, String> secureHeaders;

    @Override
    public void init() {
        plainHeaders = SecurityHeaders.of(false, config.hstsMaxAgeSeconds());
        secureHeaders = SecurityHeaders.of(true, config.hstsMaxAgeSeconds());
        GatewayMetrics.watch(config.admission(Backend.REGISTRY), config.admission(Backend.RETRIEVAL));
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long start = System.nanoTime();
        String cid = CorrelationIds.accept(req.getHeader(RequestContext.CORRELATION_HEADER));
        resp.setHeader(RequestContext.CORRELATION_HEADER, cid);
        (req.isSecure() ? secureHeaders : plainHeaders).forEach(resp::setHeader);
        String path = rawPath(req);
        String route = GatewayMetrics.UNMATCHED;
        Caller caller = null;
        try {
            if (answeredCors(req, resp)) {
                GatewayMetrics.observe("cors-preflight", resp.getStatus(), start);
                return;
            }
            caller = authenticate(req);
            try {
                config.rateLimits().admit(caller);
            } catch (RateLimitExceededException limited) {
                GatewayMetrics.rateLimited();
                throw limited;
            }
            String method = req.getMethod().toUpperCase(Locale.ROOT);
            Route matched = routes.resolve(method, path);
            route = matched.name();
            if (req.getContentLengthLong() > config.maxBodyBytes()) {
                throw new PayloadTooLargeException(config.maxBodyBytes());
            }
            byte[] prefix = null;
            if ("POST".equals(method) && RouteTable.BUNDLE_ROUTE.equals(matched.name())) {
                if (!matched.permits(caller.roles()) && !routes.madoManifest(matched).permits(caller.roles())) {
                    throw new InsufficientRoleException(matched);
                }
                // A document Bundle is a report or a MADO manifest; only its content tells. The body is read
                // only as far as the decision needs; what was read goes upstream before the rest.
                ManifestBundles.Sniffed sniffed = ManifestBundles.sniff(req.getInputStream(),
                        (int) Math.min(MAX_MANIFEST_BYTES, config.maxBodyBytes()));
                prefix = sniffed.prefix();
                if (sniffed.madoManifest()) {
                    matched = routes.madoManifest(matched);
                    route = matched.name();
                }
            }
            if (!matched.permits(caller.roles())) {
                throw new InsufficientRoleException(matched);
            }
            if (config.scopesRequired()
                    && !caller.scopes().permits(matched.access(), !caller.patientId().isEmpty())) {
                throw new InsufficientScopeException(matched.access());
            }
            try (Admission.Slot slot = enter(matched)) {
                exchange.forward(req, resp, new UpstreamExchange.Forwarding(matched, path, cid, start), prefix);
            }
            accessLog(req, path, route, resp.getStatus(), start, caller, cid, null);
        } catch (ProblemException problem) {
            ServletProblems.write(resp, problem, path, cid);
            GatewayMetrics.observe(route, problem.status(), start);
            accessLog(req, path, route, problem.status(), start, caller, cid, String.valueOf(problem.type()));
        }
    }

    private Admission.Slot enter(Route route) {
        try {
            return config.admission(route.backend()).enter();
        } catch (GatewayBusyException busy) {
            GatewayMetrics.admissionRefused();
            throw busy;
        }
    }

    /**
     * One line per request (when {@code exchange.gateway.access-log} is on): method, path (no query: it may hold
     * patient identifiers), route, status, milliseconds, and who asked: OAuth client, subject and token id
     * ({@code jti}), so a request can be traced to the token that made it (IHE IUA; RFC 9068 §2.2).
     */
    private void accessLog(HttpServletRequest req, String path, String route, int status, long start, Caller caller,
                           String cid, String problemType) {
        if (!config.accessLog() || !LOG.isLoggable(Level.INFO)) {
            return;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        String shownPath = path.length() > 200 ? path.substring(0, 200) + "..." : path;
        String who = caller == null ? "client=- sub=- jti=-"
                : "client=" + orDash(caller.clientId()) + " sub=" + orDash(caller.subject()) + " jti="
                        + orDash(caller.tokenId());
        LOG.info(() -> "access cid=" + cid + " " + req.getMethod() + " " + UNPRINTABLE.matcher(shownPath).replaceAll("?")
                + " route=" + route + " status=" + status + " ms=" + ms + " " + who
                + (problemType == null ? "" : " problem=" + problemType));
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : UNPRINTABLE.matcher(s).replaceAll("?");
    }

    /**
     * Adds CORS response headers for an allowed origin; answers a preflight (204, or 403 for an origin
     * not allowed) completely.
     *
     * @return true when the request was a preflight and has been answered
     */
    private boolean answeredCors(HttpServletRequest req, HttpServletResponse resp) {
        String origin = req.getHeader("Origin");
        CorsPolicy cors = config.cors();
        boolean allowed = cors.allows(origin);
        if (origin != null) {
            resp.addHeader("Vary", "Origin");
        }
        if (allowed) {
            resp.setHeader("Access-Control-Allow-Origin", origin);
            resp.setHeader("Access-Control-Expose-Headers", CorsPolicy.EXPOSED_HEADERS);
        }
        if (!CorsPolicy.isPreflight(req.getMethod(), origin, req.getHeader("Access-Control-Request-Method"))) {
            return false;
        }
        if (!allowed) {
            throw new CorsOriginNotAllowedException(origin.length() > 100 ? origin.substring(0, 100) : origin);
        }
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
        resp.setHeader("Access-Control-Allow-Methods", CorsPolicy.ALLOWED_METHODS);
        resp.setHeader("Access-Control-Allow-Headers", CorsPolicy.ALLOWED_HEADERS);
        resp.setHeader("Access-Control-Max-Age", Integer.toString(CorsPolicy.MAX_AGE_SECONDS));
        return true;
    }

    /**
     * @return the verified caller
     * @throws MissingBearerTokenException (401) without {@code Authorization: Bearer}
     * @throws org.imagingexchange.gateway.domain.InvalidBearerTokenException (401) for a refused token
     */
    private Caller authenticate(HttpServletRequest req) {
        String authorization = req.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            throw new MissingBearerTokenException();
        }
        return verifier.verify(authorization.substring(BEARER.length()).trim());
    }

    /** @return the raw (undecoded) request path below the context root, starting with '/' */
    static String rawPath(HttpServletRequest req) {
        String uri = req.getRequestURI();
        String context = req.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context)
                ? uri.substring(context.length()) : uri;
        return path.isEmpty() ? "/" : path;
    }
}
