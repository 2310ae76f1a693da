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
        String path = uriInfo == null ? null : uriInfo.getRequestUri().getPath();
        String cid = requestContext.correlationId();
        Level level = problem.status() >= 500 ? Level.WARNING : Level.FINE;
        LOG.log(level, () -> "cid=" + cid + " problem=" + problem.type() + " status=" + problem.status()
                + " detail=" + problem.detail());
        if (problem.getCause() != null && problem.status() >= 500) {
            LOG.log(Level.WARNING, "cid=" + cid + " cause", problem.getCause());
        }
        return ProblemResponses.of(problem, path, cid, isFhirPath(path));
    }

    /** @return true for requests to a FHIR endpoint, which answer errors as OperationOutcome */
    static boolean isFhirPath(String path) {
        return path != null && path.contains("/fhir/");
    }
}
