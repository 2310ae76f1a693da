package org.imagingexchange.retrieval.integration;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.imagingexchange.kit.security.ServiceCallHeaders;

/**
 * MP REST Client of the study registry's internal API, called with this service's own
 * {@code exchange-platform} token and the correlation id ({@link ServiceCallHeaders}). Base URL:
 * config key {@code registry/mp-rest/url}, which defaults to {@code ${exchange.registry.url}}.
 */
@RegisterRestClient(configKey = "registry")
@RegisterClientHeaders(ServiceCallHeaders.class)
@Path("/api/studies")
public interface RegistryClient {

    /**
     * {@code GET /api/studies/{studyInstanceUid}/location} (role exchange-service).
     *
     * @param studyInstanceUid Study Instance UID (eHN A.1.8.10)
     * @return the study's patient, custodian and endpoints
     * @throws jakarta.ws.rs.WebApplicationException for HTTP errors (404 unknown study)
     * @throws jakarta.ws.rs.ProcessingException     when the registry cannot be reached
     */
    @GET
    @Path("/{studyInstanceUid}/location")
    @Produces(MediaType.APPLICATION_JSON)
    StudyLocationDocument location(@PathParam("studyInstanceUid") String studyInstanceUid);
}
