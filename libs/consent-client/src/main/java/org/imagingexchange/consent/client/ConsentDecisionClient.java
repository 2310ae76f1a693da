package org.imagingexchange.consent.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.imagingexchange.kit.security.ServiceCallHeaders;

/**
 * MP REST Client view of the consent service's decision endpoints ({@code POST /api/decisions},
 * {@code POST /api/decisions/batch}, relative to {@code exchange.consent.url}). Calls carry this
 * service's own {@code exchange-platform} token and the correlation id ({@link ServiceCallHeaders}).
 * Used only by {@link RestConsentDecisionPoint}, which maps every failure to a fail-closed deny.
 */
@Path("/api/decisions")
@RegisterRestClient(configKey = "consent")
@RegisterClientHeaders(ServiceCallHeaders.class)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ConsentDecisionClient {

    /**
     * @param request the question; not null
     * @return the consent service's decision
     * @throws jakarta.ws.rs.WebApplicationException for any non-2xx answer
     */
    @POST
    ConsentDecision decide(ConsentRequest request);

    /**
     * @param requests the questions; not null
     * @return one decision per request, in the same order
     * @throws jakarta.ws.rs.WebApplicationException for any non-2xx answer
     */
    @POST
    @Path("/batch")
    List<ConsentDecision> decideAll(List<ConsentRequest> requests);
}
