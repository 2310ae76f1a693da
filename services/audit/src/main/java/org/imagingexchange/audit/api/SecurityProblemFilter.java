package org.imagingexchange.audit.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.kit.problem.ProblemResponses;

/**
 * Gives a body to the empty 401/403 responses Liberty's MP JWT / role check aborts a request with
 * before any resource or exception mapper runs. The body comes from the kit's {@link ProblemResponses}
 * (problem+json, OperationOutcome on FHIR paths); status and {@code WWW-Authenticate} stay as they are.
 */
@Provider
public class SecurityProblemFilter implements ContainerResponseFilter {

    @Inject
    RequestContext requestContext;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if ((status != 401 && status != 403) || response.hasEntity()) {
            return;
        }
        ProblemException problem = status == 401
                ? new ProblemException("unauthorized", 401, "Unauthorized",
                        "A valid bearer token (realm imaging, audience imaging-exchange) is required.")
                : new ProblemException("forbidden", 403, "Forbidden", "The token's roles do not grant this operation.");
        String path = request.getUriInfo().getRequestUri().getPath();
        Response body = ProblemResponses.of(problem, path, requestContext.correlationId(), path.contains("/fhir/"));
        response.setEntity(body.getEntity(), null, body.getMediaType());
    }
}
