package org.imagingexchange.audit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.imagingexchange.audit.client.AuditOutcome;
import org.imagingexchange.audit.client.AuditRecord;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.audit.domain.StoredAuditEvent;
import org.junit.jupiter.api.Test;

class AuditEventFhirMapperTest {

    private static StoredAuditEvent query() {
        AuditRecord r = new AuditRecord("e-1", Instant.parse("2025-03-01T10:15:30Z"), BalpPattern.PATIENT_QUERY,
                AuditOutcome.MINOR_FAILURE, "consent denied", "study-registry", "cid",
                new AuditRecord.Agent("sub-1", "radiologist-a", "exchange-cli", "hospital-a", "NL", "TREAT"),
                List.of(new AuditRecord.PatientRef("1CT1", "urn:oid:1.2.3")),
                List.of(new AuditRecord.EntityRef("ImagingStudy", "1.2.840.1", ""),
                        new AuditRecord.EntityRef("query", "PatientID=1CT1", "GET /registry/dicomweb/studies")));
        return new StoredAuditEvent(1, r, "h");
    }

    @Test
    void toFhir_patientQuery_balpShape() {
        AuditEvent e = AuditEventFhirMapper.toFhir(query());

        assertEquals("rest", e.getType().getCode());
        assertEquals("search-type", e.getSubtypeFirstRep().getCode());
        assertEquals(AuditEvent.AuditEventAction.E, e.getAction());
        assertEquals(AuditEvent.AuditEventOutcome._4, e.getOutcome());
        assertEquals("consent denied", e.getOutcomeDesc());
        assertEquals("TREAT", e.getPurposeOfEventFirstRep().getCodingFirstRep().getCode());
        AuditEvent.AuditEventAgentComponent requester = e.getAgent().get(0);
        assertTrue(requester.getRequestor(), "first agent is the requester");
        assertEquals("sub-1", requester.getWho().getIdentifier().getValue());
        assertEquals("NL", requester.getExtensionByUrl(AuditEventFhirMapper.COUNTRY_EXTENSION).getValue().primitiveValue());
        assertTrue(e.getAgent().stream().anyMatch(a -> "Organization".equals(a.getWho().getType())
                && "hospital-a".equals(a.getWho().getIdentifier().getValue())), "organisation agent");
        assertEquals("study-registry", e.getSource().getObserver().getIdentifier().getValue());
    }

    @Test
    void toFhir_encodedAsJson_validFhirJson() {
        String json = ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser()
                .encodeResourceToString(new org.hl7.fhir.r4.model.Bundle().addEntry()
                        .setResource(AuditEventFhirMapper.toFhir(query())).getResource());

        assertTrue(json.contains("\"resourceType\":\"AuditEvent\""), json);
        assertTrue(json.contains("\"query\":\"UGF0aWVudElEPTFDVDE=\""), "query is base64: " + json);
    }

    @Test
    void toFhir_entities_patientStudyAndQuery() {
        AuditEvent e = AuditEventFhirMapper.toFhir(query());

        AuditEvent.AuditEventEntityComponent patient = e.getEntity().get(0);
        assertEquals("1", patient.getRole().getCode());
        assertEquals("urn:oid:1.2.3", patient.getWhat().getIdentifier().getSystem());
        assertEquals("1CT1", patient.getWhat().getIdentifier().getValue());
        assertEquals("urn:oid:1.2.840.1", e.getEntity().get(1).getWhat().getIdentifier().getValue());
        AuditEvent.AuditEventEntityComponent q = e.getEntity().get(2);
        assertEquals("24", q.getRole().getCode());
        assertEquals("PatientID=1CT1", new String(q.getQuery(), StandardCharsets.UTF_8));
    }
}
