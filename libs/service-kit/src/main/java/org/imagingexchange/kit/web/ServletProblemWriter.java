package org.imagingexchange.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.kit.problem.ProblemResponses;

/**
 * Writes a kit problem ({@link ProblemResponses}: problem+json, OperationOutcome on {@code /fhir/} paths)
 * straight to a servlet response, for answers given outside JAX-RS. Stateless.
 */
final class ServletProblemWriter {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private ServletProblemWriter() {
    }

    /**
     * @param req     the request (its correlation id is echoed when safe)
     * @param resp    the response; nothing is written when already committed
     * @param problem what to answer
     * @param uri     the raw request URI; below the context root it becomes {@code instance} (the public path
     *                the gateway routes, never the service's internal context root)
     * @throws IOException when the client connection fails
     */
    static void write(HttpServletRequest req, HttpServletResponse resp, ProblemException problem, String uri)
            throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        String context = req.getContextPath();
        String path = uri != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        String received = req.getHeader("X-Correlation-ID");
        String cid = received != null && SAFE_ID.matcher(received).matches() ? received : UUID.randomUUID().toString();
        boolean fhir = path != null && path.contains("/fhir/");
        Response r = ProblemResponses.of(problem, path, cid, fhir);
        resp.resetBuffer();
        resp.setStatus(r.getStatus());
        resp.setHeader("Content-Type", r.getMediaType().toString());
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Correlation-ID", cid);
        byte[] body = String.valueOf(r.getEntity()).getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
        resp.flushBuffer();
    }
}
