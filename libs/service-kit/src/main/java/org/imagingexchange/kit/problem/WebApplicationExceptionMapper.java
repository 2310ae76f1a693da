package org.imagingexchange.kit.problem;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.imagingexchange.kit.context.RequestContext;

/**
 * Answers the JAX-RS runtime's own errors (unknown path 404, 405, 406, 415, malformed parameters)
 * as problem+json, keeping their status and any headers (e.g. {@code Allow}). The runtime's messages
 * are never echoed: they name internal URLs and classes ({@link RuntimeProblems} gives fixed details).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Inject
    RequestContext requestContext;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status < 400) {
            return original;
        }
        ProblemException problem;
        if (status == 401 || status == 403) {
            problem = ProblemResponses.securityProblem(status);
        } else {
            problem = RuntimeProblems.of(status);
        }
        String path = ProblemExceptionMapper.publicPath(uriInfo);
        Response response = ProblemResponses.of(problem, path, requestContext.correlationId(),
                ProblemExceptionMapper.isFhirPath(path));
        Response.ResponseBuilder b = Response.fromResponse(response);
        if (original != null && original.getHeaderString("Allow") != null) {
            b.header("Allow", original.getHeaderString("Allow"));
        }
        if (original != null && original.getHeaderString("WWW-Authenticate") != null) {
            b.header("WWW-Authenticate", original.getHeaderString("WWW-Authenticate"));
        }
        return b.build();
    }
}
