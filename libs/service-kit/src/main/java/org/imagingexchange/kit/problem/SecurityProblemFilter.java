package org.imagingexchange.kit.problem;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.core.Response;
import org.imagingexchange.kit.context.RequestContext;

/**
 * Gives a body to the 401 and 403 answers Liberty's MP JWT integration writes without one (missing,
 * invalid or expired bearer token; role not held): RFC 9457 problem+json, or a FHIR OperationOutcome on
 * {@code /fhir/} paths, through {@link ProblemResponses}. Headers such as {@code WWW-Authenticate} stay.
 */
@Provider
@Priority(Priorities.USER)
public class SecurityProblemFilter implements ContainerResponseFilter {

    @Inject
    RequestContext requestContext;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if ((status != 401 && status != 403) || response.hasEntity()) {
            return;
        }
        String path = ProblemExceptionMapper.publicPath(request.getUriInfo());
        Response rendered = ProblemResponses.of(ProblemResponses.securityProblem(status), path,
                requestContext.correlationId(), ProblemExceptionMapper.isFhirPath(path));
        response.setEntity(rendered.getEntity(), new java.lang.annotation.Annotation[0], rendered.getMediaType());
    }
}
