package org.imagingexchange.reports.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.kit.problem.ProblemResponses;

/**
 * Gives a body to the error responses Liberty's MP JWT integration answers without one (401 for a
 * missing or invalid bearer token, 403): problem+json, or a FHIR OperationOutcome on {@code /fhir/}
 * paths, written by the kit's {@link ProblemResponses}. Headers such as {@code WWW-Authenticate} stay.
 */
@Provider
@Priority(Priorities.USER)
public class EmptyErrorResponseFilter implements ContainerResponseFilter {

    @Inject
    RequestContext requestContext;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if ((status != 401 && status != 403) || response.hasEntity()) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getPath();
        ProblemException problem = status == 401
                ? new ProblemException("unauthorized", 401, "Unauthorized", "A valid bearer access token of the imaging realm is required.")
                : new ProblemException("forbidden", 403, "Forbidden", "The token lacks a role this operation requires.");
        Response rendered = ProblemResponses.of(problem, path, requestContext.correlationId(), path.contains("/fhir/"));
        response.setEntity(rendered.getEntity(), new java.lang.annotation.Annotation[0], MediaType.valueOf(rendered.getMediaType().toString()));
    }
}
