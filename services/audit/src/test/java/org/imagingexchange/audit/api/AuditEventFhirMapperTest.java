package org.imagingexchange.audit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.imagingexchange.audit.client.AuditOutcome;
import org.imagingexchange.audit.client.AuditRecord;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.audit.domain.AuditPage;
import org.imagingexchange.audit.domain.AuditQuery;
import org.imagingexchange.audit.domain.StoredAuditEvent;
import org.imagingexchange.kit.fhir.FhirBase;
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
    void searchset_morePages_fullUrlAndLinksUnderPublicBase() {
        FhirBase base = new FhirBase("https://exchange.region.invalid/fhir");
        AuditPage page = new AuditPage(3, List.of(query()), new AuditQuery("1CT1", null, null, null, null, null, 1, 1));

        Bundle bundle = AuditEventFhirMapper.searchset(page, base, "patient:identifier=1CT1&_count=1&_offset=1");

        assertEquals(3, bundle.getTotal());
        assertEquals("https://exchange.region.invalid/fhir/AuditEvent/e-1", bundle.getEntryFirstRep().getFullUrl(),
                "fullUrl is [public base]/AuditEvent/[event id]");
        assertEquals("https://exchange.region.invalid/fhir/AuditEvent?patient:identifier=1CT1&_count=1&_offset=1",
                bundle.getLink("self").getUrl(), "self keeps the client's raw query");
        assertEquals("https://exchange.region.invalid/fhir/AuditEvent?patient:identifier=1CT1&_offset=2&_count=1",
                bundle.getLink("next").getUrl(), "next: _offset advanced by the page");
    }

    @Test
    void searchset_lastPage_noNextLink() {
        FhirBase base = new FhirBase("https://exchange.region.invalid/fhir");
        AuditPage page = new AuditPage(1, List.of(query()), new AuditQuery(null, null, null, null, null, null, 0, 50));

        Bundle bundle = AuditEventFhirMapper.searchset(page, base, null);

        assertEquals("https://exchange.region.invalid/fhir/AuditEvent", bundle.getLink("self").getUrl(), "no query");
        assertNull(bundle.getLink("next"), "no next link on the last page");
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
