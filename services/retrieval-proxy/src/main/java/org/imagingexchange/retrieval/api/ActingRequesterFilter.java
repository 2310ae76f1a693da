package org.imagingexchange.retrieval.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.Set;
import org.imagingexchange.kit.context.Actor;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.kit.context.RequestContextFilter;
import org.imagingexchange.kit.problem.ProblemResponses;
import org.imagingexchange.kit.security.ActingRequesterHeaders;

/**
 * A platform service retrieving for a requester that has no token of its own: the registry's C-GET / C-MOVE
 * SCP retrieving for a calling DICOM AE title. The service's own token (realm role {@value #SERVICE_ROLE})
 * names the requester in the {@link ActingRequesterHeaders} (identity e.g. {@code AE:HOSPITAL_B}, the network
 * agent; organisation; country; purpose of use); this filter makes that requester
 * the request's actor, so consent decides and audit records exactly as for the requester's own WADO-RS
 * retrieval (AuditEvent agent: the AE title as client, its organisation, country and purpose of use).
 * These headers from any other token are refused (403), and a service token that names no requester may not
 * retrieve (403); the gateway never forwards them from outside (identity-claim headers). Runs after the
 * request context is filled, before role checks.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION + 20)
public class ActingRequesterFilter implements ContainerRequestFilter {

    /** Realm role of the platform's own service accounts. */
    public static final String SERVICE_ROLE = ActingRequesterHeaders.SERVICE_ROLE;
    private static final String IDENTITY = ActingRequesterHeaders.IDENTITY;
    private static final String ORGANIZATION = ActingRequesterHeaders.ORGANIZATION;
    private static final String COUNTRY = ActingRequesterHeaders.COUNTRY;
    private static final String PURPOSE = ActingRequesterHeaders.PURPOSE;
    /** Role the acting requester holds: it retrieves images, nothing else. */
    static final String READER_ROLE = "imaging-reader";

    @Inject
    RequestContext context;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<Actor> caller = context.actor();
        if (caller.isEmpty()) {
            return;
        }
        String identity = header(request, IDENTITY);
        String organization = header(request, ORGANIZATION);
        boolean service = caller.get().hasRole(SERVICE_ROLE);
        if (identity.isEmpty() && organization.isEmpty() && header(request, COUNTRY).isEmpty()
                && header(request, PURPOSE).isEmpty()) {
            if (service && !caller.get().hasRole(READER_ROLE)) {
                throw ProblemResponses.securityProblem(403);
            }
            return;
        }
        if (!service || identity.isEmpty() || organization.isEmpty()) {
            throw ProblemResponses.securityProblem(403);
        }
        String purpose = header(request, PURPOSE);
        context.actFor(new Actor("", "", identity, organization, header(request, COUNTRY),
                purpose.isEmpty() ? RequestContextFilter.DEFAULT_PURPOSE_OF_USE : purpose, Set.of(READER_ROLE), ""));
    }

    private static String header(ContainerRequestContext request, String name) {
        String value = request.getHeaderString(name);
        return value == null ? "" : value.strip();
    }
}
