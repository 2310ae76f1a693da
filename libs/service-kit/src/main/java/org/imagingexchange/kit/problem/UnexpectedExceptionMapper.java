package org.imagingexchange.kit.problem;

import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.kit.context.RequestContext;

/**
 * Catch-all: malformed JSON bodies become 400; anything else is logged with the correlation id and
 * answered as a generic 500 problem, never with a stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Inject
    RequestContext requestContext;

    @Override
    public Response toResponse(Exception e) {
        String cid = requestContext.correlationId();
        ProblemException problem;
        if (isMalformedBody(e)) {
            problem = new BadRequestProblem("malformed-body", "The request body is not well-formed JSON.");
        } else {
            LOG.log(Level.SEVERE, "cid=" + cid + " unexpected error", e);
            problem = new ProblemException("internal-error", 500, "Internal server error",
                    "The request could not be processed; quote the correlation id " + cid + ".");
        }
        String path = ProblemExceptionMapper.publicPath(uriInfo);
        return ProblemResponses.of(problem, path, cid, ProblemExceptionMapper.isFhirPath(path));
    }

    private static boolean isMalformedBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonException || t instanceof JsonbException) {
                return true;
            }
        }
        return false;
    }
}
