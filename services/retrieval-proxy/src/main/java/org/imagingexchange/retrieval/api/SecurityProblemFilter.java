package org.imagingexchange.retrieval.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.kit.problem.ProblemResponses;

/**
 * Gives Liberty's own security answers a problem+json body (RFC 9457). On Liberty, a call to an
 * {@code @RolesAllowed} resource without a valid bearer token is refused inside the JAX-RS chain with
 * an empty 401 (and {@code WWW-Authenticate: Bearer ...}); exception mappers never see it, and a
 * WEB-INF error page does not apply (no {@code sendError}). This filter fills such empty 401/403 answers,
 * keeping status and headers. Answers that already carry a body (the kit's mappers) are left alone.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SecurityProblemFilter implements ContainerResponseFilter {

    @Inject
    RequestContext requestContext;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if ((status != 401 && status != 403) || response.hasEntity()) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getPath();
        Response problem = ProblemResponses.of(problem(status), path, requestContext.correlationId(), path.contains("/fhir/"));
        response.getHeaders().remove("Content-Length");
        response.setEntity(problem.getEntity(), null, problem.getMediaType());
    }

    /** @return the problem for a security refusal without body */
    static ProblemException problem(int status) {
        return status == 401
                ? new ProblemException("unauthorized", 401, "Unauthorized",
                        "A valid bearer token of the imaging realm (audience imaging-exchange) is required.")
                : new ProblemException("forbidden", 403, "Forbidden",
                        "The token does not grant a role that may use this resource.");
    }
}
