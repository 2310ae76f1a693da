package org.imagingexchange.demo;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The FHIR R4 resources the demo posts: an imaging report (eHN data set A) and a consent directive. */
final class DemoReports {

    private DemoReports() {
    }

    /**
     * An imaging report for a CT study, in the shape the report store documents.
     *
     * @param patientId        Patient ID of the subject (A.1.1)
     * @param studyInstanceUid Study Instance UID the report answers (A.1.8.10)
     * @param withImpression   false leaves out the conclusion (A.5.5), which makes the report invalid
     * @return DiagnosticReport JSON
     */
    static String ctReport(String patientId, String studyInstanceUid, boolean withImpression) {
        String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonObjectBuilder report = Json.createObjectBuilder()
                .add("resourceType", "DiagnosticReport")
                .add("identifier", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("system", "urn:dicom:uid").add("value", "urn:oid:" + studyInstanceUid)))
                .add("status", "final")
                .add("category", Json.createArrayBuilder()
                        .add(coding("http://loinc.org", "LP29684-5", "Radiology"))
                        .add(coding("http://dicom.nema.org/resources/ontology/DCM", "CT", "Computed Tomography")))
                .add("code", coding("http://loinc.org", "18748-4", "Diagnostic imaging study"))
                .add("subject", Json.createObjectBuilder().add("identifier", Json.createObjectBuilder()
                        .add("value", patientId)))
                .add("effectiveDateTime", now)
                .add("issued", now)
                .add("performer", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("identifier", Json.createObjectBuilder()
                                .add("system", "urn:imaging-exchange:organization-id").add("value", "hospital-a"))
                        .add("display", "Hospital A, department of radiology")));
        if (withImpression) {
            report.add("conclusion", "No acute intracranial abnormality. Demo report of the Imaging Exchange.");
        }
        return report.build().toString();
    }

    /**
     * Patient identifiers carry the Patient ID alone: the demo PACS sends no Issuer of Patient ID
 * (0010,0021), so the registry indexes the studies without one.
 *
 * <p>A patient's consent to share their imaging data across the exchange (FHIR R4 Consent, permit).
     *
     * @param patientId Patient ID of the patient
     * @return Consent JSON
     */
    static String sharingConsent(String patientId) {
        JsonObject consent = Json.createObjectBuilder()
                .add("resourceType", "Consent")
                .add("status", "active")
                .add("scope", Json.createObjectBuilder().add("coding", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("system", "http://terminology.hl7.org/CodeSystem/consentscope").add("code", "patient-privacy"))))
                .add("category", Json.createArrayBuilder().add(Json.createObjectBuilder().add("coding",
                        Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("system", "http://loinc.org").add("code", "59284-0")))))
                .add("patient", Json.createObjectBuilder().add("identifier", Json.createObjectBuilder()
                        .add("value", patientId)))
                .add("dateTime", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString())
                .add("provision", Json.createObjectBuilder().add("type", "permit"))
                .build();
        return consent.toString();
    }

    private static JsonObject coding(String system, String code, String display) {
        return Json.createObjectBuilder().add("coding", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("system", system).add("code", code).add("display", display))).build();
    }
}
