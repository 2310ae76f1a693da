package org.imagingexchange.gateway.api;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.imagingexchange.gateway.domain.GatewayBusyException;
import org.imagingexchange.gateway.domain.InsufficientRoleException;
import org.imagingexchange.gateway.domain.InsufficientScopeException;
import org.imagingexchange.gateway.domain.InvalidBearerTokenException;
import org.imagingexchange.gateway.domain.MethodNotAllowedException;
import org.imagingexchange.gateway.domain.RateLimitExceededException;
import org.imagingexchange.gateway.domain.MissingBearerTokenException;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.kit.problem.ProblemResponses;

/**
 * Adapter that writes the kit's problem responses ({@link ProblemResponses}: RFC 9457 problem+json, or a
 * FHIR OperationOutcome on {@code /fhir/} paths) to a servlet response, adding the headers each status
 * needs: {@code WWW-Authenticate: Bearer} (RFC 6750 §3) on 401 and 403, {@code Allow} on 405,
 * {@code Retry-After} on 429.
 */
final class ServletProblems {

    /** Realm named in {@code WWW-Authenticate}. */
    static final String REALM = "imaging-exchange";

    private ServletProblems() {
    }

    /**
     * @param resp          the response; nothing is written when it is already committed
     * @param problem       the problem to answer
     * @param instance      the request path (RFC 9457 {@code instance})
     * @param correlationId the request's correlation id
     * @throws IOException when the client connection fails
     */
    static void write(HttpServletResponse resp, ProblemException problem, String instance, String correlationId)
            throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        boolean fhir = instance != null && instance.contains("/fhir/");
        Response r = ProblemResponses.of(problem, instance, correlationId, fhir);
        resp.setStatus(r.getStatus());
        resp.setHeader("Content-Type", r.getMediaType().toString());
        resp.setHeader("Cache-Control", "no-store");
        String challenge = challenge(problem);
        if (challenge != null) {
            resp.setHeader("WWW-Authenticate", challenge);
        }
        if (problem instanceof MethodNotAllowedException m) {
            resp.setHeader("Allow", m.allowHeader());
        }
        if (problem instanceof RateLimitExceededException limited) {
            resp.setHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
        }
        if (problem instanceof GatewayBusyException busy) {
            resp.setHeader("Retry-After", Long.toString(busy.retryAfterSeconds()));
        }
        byte[] body = String.valueOf(r.getEntity()).getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(body.length);
        OutputStream out = resp.getOutputStream();
        out.write(body);
        out.flush();
    }

    /** @return the RFC 6750 §3 challenge for 401/403 problems; null for others */
    static String challenge(ProblemException problem) {
        String realm = "Bearer realm=\"" + REALM + "\"";
        if (problem instanceof MissingBearerTokenException) {
            return realm;
        }
        if (problem instanceof InvalidBearerTokenException) {
            return realm + ", error=\"invalid_token\", error_description=\"" + quoted(problem.detail()) + "\"";
        }
        if (problem instanceof InsufficientRoleException) {
            return realm + ", error=\"insufficient_scope\"";
        }
        if (problem instanceof InsufficientScopeException scope) {
            return realm + ", error=\"insufficient_scope\", scope=\"" + scope.neededScopes() + "\"";
        }
        if (problem.status() == 401) {
            return realm;
        }
        return null;
    }

    private static String quoted(String s) {
        return s == null ? "" : s.replace("\\", "").replace("\"", "'");
    }
}
