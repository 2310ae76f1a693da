package org.imagingexchange.audit.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
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

    /**
     * {@code POST /api/events/batch}: stores the records in one transaction at the end of the hash chain, each
     * once (idempotent by event id).
     *
     * @param records up to 1000 records, oldest first
     * @return 200 with a JSON array of {@link BatchEntry}, one per record in order; 4xx/5xx for the whole batch
     *         otherwise (nothing stored); the caller closes it
     */
    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response ingestBatch(List<AuditRecord> records);

    /**
     * The part of a batch answer's entry the outbox reads (the service also sends sequence and hash).
     *
     * @param eventId the record's event id
     * @param status  201 stored now, 200 already stored, 400 refused as invalid
     */
    record BatchEntry(String eventId, int status) {
    }
}
