package org.imagingexchange.audit.client;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Request-scoped note of what an {@link Audited} request touched: the patients and objects it returned
 * or was refused. Resources add to it as they map results; the audit filter reads it once. Not thread-safe.
 */
@RequestScoped
public class AuditedAccess {

    private static final Logger LOG = Logger.getLogger(AuditedAccess.class.getName());

    private final Set<AuditRecord.PatientRef> patients = new LinkedHashSet<>();
    private final List<AuditRecord.EntityRef> entities = new ArrayList<>();
    private String outcomeDetail = "";
    private AuditRecord.Agent onBehalfOf;
    private TransferAudit transfer;

    /** Notes a patient whose data was accessed (or refused). */
    public void patient(String id, String issuer) {
        if (id != null && !id.isEmpty()) {
            patients.add(new AuditRecord.PatientRef(id, issuer == null ? "" : issuer));
        }
    }

    /** Notes an accessed object, e.g. ("ImagingStudy", studyInstanceUid, description). */
    public void entity(String type, String identifier, String description) {
        entities.add(new AuditRecord.EntityRef(type, identifier, description == null ? "" : description));
    }

    /** Sets a short outcome explanation, e.g. the consent decision's reason. */
    public void outcomeDetail(String detail) {
        this.outcomeDetail = detail == null ? "" : detail;
    }

    /**
     * Names the requester a service-to-service call is made for (e.g. the clinician a consent decision
     * is asked for): the record's agent becomes that requester instead of the calling service account.
     *
     * @param requester the requester as the call describes it; not null
     */
    public void onBehalfOf(AuditRecord.Agent requester) {
        this.onBehalfOf = requester;
    }

    /** @return the requester the call was made for; empty when the caller acted for itself */
    public Optional<AuditRecord.Agent> onBehalfOf() {
        return Optional.ofNullable(onBehalfOf);
    }

    /** @return the noted patients, in insertion order */
    public List<AuditRecord.PatientRef> patients() {
        return List.copyOf(patients);
    }

    /** @return the noted objects, in insertion order */
    public List<AuditRecord.EntityRef> entities() {
        return List.copyOf(entities);
    }

    /**
     * Notes the pending record of a streamed response ({@link AuditFilter}), so it is ended even when the
     * body is never written.
     *
     * @param pending the pending record
     */
    void transfer(TransferAudit pending) {
        this.transfer = pending;
    }

    /** Ends a streamed response's record the body never ended (e.g. the container failed before writing it). */
    @PreDestroy
    void endOpenTransfer() {
        if (transfer != null && !transfer.ended()) {
            try {
                transfer.failed(AuditOutcome.SERIOUS_FAILURE, "the response body was not written");
            } catch (AuditUnavailableException e) {
                LOG.log(Level.SEVERE, "audit record of an unwritten response could not be made durable", e);
            }
        }
    }

    /** @return the outcome explanation; empty when none was set */
    public String outcomeDetail() {
        return outcomeDetail;
    }
}
