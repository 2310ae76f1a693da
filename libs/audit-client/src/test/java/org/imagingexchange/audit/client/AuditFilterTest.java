package org.imagingexchange.audit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imagingexchange.kit.context.Actor;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

    private static final Actor RADIOLOGIST = new Actor("sub-1", "radiologist-a", "exchange-cli", "hospital-a", "NL",
            "TREAT", Set.of("imaging-reader"), null);

    private static AuditFilter filter() {
        AuditFilter filter = new AuditFilter();
        filter.serviceName = "study-registry";
        return filter;
    }

    @Test
    void toRecord_patientQuery_addsQueryEntityAndActor() {
        AuditedAccess access = new AuditedAccess();
        access.patient("1CT1", "");
        access.entity("ImagingStudy", "1.2.3", "CT");

        AuditRecord r = filter().toRecord(new AuditFilter.Access(BalpPattern.PATIENT_QUERY, 200,
                "GET /registry/dicomweb/studies", "PatientID=1CT1"), Optional.of(RADIOLOGIST), access, "cid-9");

        assertEquals(BalpPattern.PATIENT_QUERY, r.pattern());
        assertEquals(AuditOutcome.SUCCESS, r.outcome());
        assertEquals("study-registry", r.source());
        assertEquals("cid-9", r.correlationId());
        assertEquals(new AuditRecord.Agent("sub-1", "radiologist-a", "exchange-cli", "hospital-a", "NL", "TREAT"), r.agent());
        assertEquals(List.of(new AuditRecord.PatientRef("1CT1", "")), r.patients());
        assertEquals(List.of(new AuditRecord.EntityRef("ImagingStudy", "1.2.3", "CT"),
                new AuditRecord.EntityRef("query", "PatientID=1CT1", "GET /registry/dicomweb/studies")), r.entities(),
                "query patterns carry the query string as an entity");
    }

    @Test
    void toRecord_onBehalfOf_requesterIsTheAgent() {
        AuditedAccess access = new AuditedAccess();
        AuditRecord.Agent clinician = new AuditRecord.Agent("", "clinician-b", "exchange-platform", "hospital-b", "BE",
                "TREAT");
        access.onBehalfOf(clinician);
        Actor platform = new Actor("sub-p", "service-account-exchange-platform", "exchange-platform",
                "exchange-platform", "NL", "TREAT", Set.of("exchange-service"), null);

        AuditRecord r = filter().toRecord(new AuditFilter.Access(BalpPattern.CONSENT_DECISION, 200,
                "POST /consent/api/decisions", null), Optional.of(platform), access, "cid");

        assertEquals(clinician, r.agent(), "a decision asked for clinician-b names clinician-b, not the service account");
    }

    @Test
    void toRecord_readRefused_minorFailureWithStatusDetail() {
        AuditRecord r = filter().toRecord(new AuditFilter.Access(BalpPattern.PATIENT_READ, 403,
                "GET /reports/fhir/DiagnosticReport/7", null), Optional.of(RADIOLOGIST), new AuditedAccess(), "cid");

        assertEquals(AuditOutcome.MINOR_FAILURE, r.outcome(), "4xx is a minor failure");
        assertEquals("HTTP 403", r.outcomeDetail(), "without a noted reason the status is the detail");
        assertEquals(List.of(), r.entities(), "reads carry no query entity");
    }

    @Test
    void toRecord_notedReason_keptOverStatus() {
        AuditedAccess access = new AuditedAccess();
        access.outcomeDetail("consent denied: opt-in-no-consent");

        AuditRecord r = filter().toRecord(new AuditFilter.Access(BalpPattern.PATIENT_READ, 403, "GET /x", null),
                Optional.empty(), access, "cid");

        assertEquals("consent denied: opt-in-no-consent", r.outcomeDetail());
        assertEquals(new AuditRecord.Agent("", "", "", "", "", ""), r.agent(), "no token, empty agent");
    }
}
