package org.imagingexchange.audit.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.imagingexchange.kit.security.ServiceCallHeaders;

/**
 * MP REST Client of the audit service's ingest endpoint, relative to {@code exchange.audit.url}
 * (e.g. {@code http://127.0.0.1:9080/audit}). Calls carry this service's own {@code exchange-platform}
 * token ({@link ServiceCallHeaders}).
 */
@Path("/api/events")
@RegisterClientHeaders(ServiceCallHeaders.class)
public interface AuditServiceClient {

    /**
     * {@code POST /api/events}: stores the record once (idempotent by event id).
     *
     * @param record the record
     * @return 201 when stored now, 200 when already stored, 4xx/5xx otherwise (the default exception
     *         mapper is disabled, so statuses come back as responses); the caller closes it
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response ingest(AuditRecord record);
}
