package org.imagingexchange.audit.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingexchange.audit.client.AuditRecord;
import org.imagingexchange.audit.config.AuditConfig;
import org.imagingexchange.audit.domain.AccessLogPolicy;
import org.imagingexchange.audit.domain.AuditTrail;
import org.imagingexchange.audit.domain.IngestResult;
import org.imagingexchange.kit.problem.BadRequestProblem;

/**
 * Internal API of the audit service: ingest of audit records from the other services' outboxes, and
 * the integrity check of the hash chain. Not audited itself (no loops).
 */
@Path("/api")
@RequestScoped
@Tag(name = "audit-internal")
public class AuditEventResource {

    /** Most records one batch may carry. */
    static final int MAX_BATCH = 1000;

    @Inject
    AuditTrail trail;

    @Inject
    AuditConfig config;

    /**
     * {@code POST /api/events}: stores the record at the end of the hash chain, once per event id.
     *
     * @param record the record (JSON-B {@link AuditRecord})
     * @return 201 with the receipt and {@code Location} of the FHIR AuditEvent (under the platform's public
     *         FHIR base); 200 when the event id was already stored (nothing new is written)
     * @throws org.imagingexchange.audit.domain.InvalidAuditRecordException (400) naming missing members
     */
    @POST
    @Path("/events")
    @RolesAllowed("exchange-service")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest one audit record (idempotent by eventId)")
    public Response ingest(AuditRecord record) {
        IngestResult result = trail.ingest(record);
        IngestReceipt receipt = IngestReceipt.of(result);
        if (!result.created()) {
            return Response.ok(receipt).build();
        }
        URI location = URI.create(config.publicFhirBase().resourceUrl(AuditEventFhirMapper.RESOURCE_TYPE, receipt.eventId()));
        return Response.created(location).entity(receipt).build();
    }

    /**
     * {@code POST /api/events/batch}: stores the records at the end of the hash chain in one transaction (the
     * producers' outboxes deliver this way), each once per event id. A record that is invalid is refused on its
     * own; the others are stored.
     *
     * @param records up to {@value #MAX_BATCH} records (JSON array of {@link AuditRecord}), oldest first
     * @return 200 with one {@link BatchIngestReceipt} per record, in order (status 201, 200 or 400 each)
     * @throws BadRequestProblem (400) for a missing body or more than {@value #MAX_BATCH} records; nothing is stored
     */
    @POST
    @Path("/events/batch")
    @RolesAllowed("exchange-service")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest a batch of audit records in one transaction (idempotent by eventId)")
    public List<BatchIngestReceipt> ingestBatch(List<AuditRecord> records) {
        if (records == null) {
            throw new BadRequestProblem("missing-body", "The body must be a JSON array of audit records.");
        }
        if (records.size() > MAX_BATCH) {
            throw new BadRequestProblem("batch-too-large", "At most " + MAX_BATCH + " records per batch.");
        }
        return trail.ingestAll(records).stream().map(BatchIngestReceipt::of).toList();
    }

    /**
     * {@code GET /api/integrity}: recomputes the whole hash chain.
     *
     * @return the report; {@code intact == false} names the first record that does not match
     */
    @GET
    @Path("/integrity")
    @RolesAllowed(AccessLogPolicy.AUDITOR)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify the hash chain of the audit trail")
    public IntegrityReport integrity() {
        return IntegrityReport.of(trail.verify());
    }
}
