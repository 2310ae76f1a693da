package org.imagingexchange.kit.problem;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.kit.context.RequestContext;

/** Turns every {@link ProblemException} into RFC 9457 problem+json (OperationOutcome on FHIR paths). */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Inject
    RequestContext requestContext;

    @Override
    public Response toResponse(ProblemException problem) {
        String path = ProblemExceptionMapper.publicPath(uriInfo);
        String cid = requestContext.correlationId();
        Level level = problem.status() >= 500 ? Level.WARNING : Level.FINE;
        LOG.log(level, () -> "cid=" + cid + " problem=" + problem.type() + " status=" + problem.status()
                + " detail=" + problem.detail());
        if (problem.getCause() != null && problem.status() >= 500) {
            LOG.log(Level.WARNING, "cid=" + cid + " cause", problem.getCause());
        }
        return ProblemResponses.of(problem, path, cid, isFhirPath(path));
    }

    /**
     * @param uriInfo the request's URI information; may be null outside a request
     * @return the request path below the service's context root, as the client sent it (still encoded),
     *         e.g. {@code /fhir/DiagnosticReport/42}: the public path the gateway routes (every application's
     *         path is {@code /}), never the service's internal context root; null when unknown
     */
    static String publicPath(UriInfo uriInfo) {
        if (uriInfo == null) {
            return null;
        }
        String relative = uriInfo.getPath(false);
        return relative.startsWith("/") ? relative : "/" + relative;
    }

    /** @return true for requests to a FHIR endpoint, which answer errors as OperationOutcome */
    static boolean isFhirPath(String path) {
        return path != null && path.contains("/fhir/");
    }
}
