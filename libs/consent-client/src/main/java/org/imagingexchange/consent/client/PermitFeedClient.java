package org.imagingexchange.consent.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.imagingexchange.kit.security.ServiceCallHeaders;

/**
 * MP REST Client view of the consent service's permit feed ({@code GET /api/permits}, relative to
 * {@code exchange.consent.url}), called with this service's own token. Used only by {@link RestConsentPermitFeed}.
 */
@Path("/api/permits")
@RegisterRestClient(configKey = "consent-permits")
@RegisterClientHeaders(ServiceCallHeaders.class)
@Produces(MediaType.APPLICATION_JSON)
public interface PermitFeedClient {

    /**
     * @param after last sequence already read
     * @param limit most entries wanted
     * @return the next page
     * @throws jakarta.ws.rs.WebApplicationException for any non-2xx answer
     */
    @GET
    PermitFeedPage read(@QueryParam("after") long after, @QueryParam("limit") int limit);
}
