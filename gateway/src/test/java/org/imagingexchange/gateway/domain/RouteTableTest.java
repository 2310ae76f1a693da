package org.imagingexchange.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final String STUDY = "1.2.840.113619.2.1.1.322987881.621.736170080.681";
    private final RouteTable table = new RouteTable();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            // QIDO-RS (PS3.18 §10.6.1): studies, series of a study, instances of a series -> registry
            "GET, /dicomweb/studies, qido-rs, REGISTRY",
            "GET, /dicomweb/studies/" + STUDY + "/series, qido-rs, REGISTRY",
            "GET, /dicomweb/studies/" + STUDY + "/series/1.2.3/instances, qido-rs, REGISTRY",
            // WADO-RS (PS3.18 §10.4.1): study, series, instance, metadata, frames, bulkdata -> retrieval
            "GET, /dicomweb/studies/" + STUDY + ", wado-rs, RETRIEVAL",
            "GET, /dicomweb/studies/" + STUDY + "/metadata, wado-rs, RETRIEVAL",
            "GET, /dicomweb/studies/" + STUDY + "/series/1.2.3, wado-rs, RETRIEVAL",
            "GET, /dicomweb/studies/" + STUDY + "/series/1.2.3/metadata, wado-rs, RETRIEVAL",
            "GET, /dicomweb/studies/" + STUDY + "/series/1.2.3/instances/1.2.3.4, wado-rs, RETRIEVAL",
            "GET, /dicomweb/studies/" + STUDY + "/series/1.2.3/instances/1.2.3.4/metadata, wado-rs, RETRIEVAL",
            "GET, /dicomweb/studies/" + STUDY + "/series/1.2.3/instances/1.2.3.4/frames/1%2C2, wado-rs, RETRIEVAL",
            "GET, '/dicomweb/studies/" + STUDY + "/series/1.2.3/instances/1.2.3.4/frames/1,2,3', wado-rs, RETRIEVAL",
            "GET, /dicomweb/studies/" + STUDY + "/series/1.2.3/instances/1.2.3.4/bulkdata/7FE00010, wado-rs, RETRIEVAL",
            "GET, /dicomweb/studies/" + STUDY + "/bulkdata/abc, wado-rs, RETRIEVAL",
            // FHIR R4 resources -> owning service
            "GET, /fhir/ImagingStudy, fhir-imagingstudy, REGISTRY",
            "GET, /fhir/ImagingStudy/abc, fhir-imagingstudy, REGISTRY",
            "POST, /fhir/ImagingStudy, fhir-imagingstudy-register, REGISTRY",
            "GET, /fhir/DiagnosticReport/17/_history/2, fhir-diagnosticreport, REPORTS",
            "POST, /fhir/DiagnosticReport, fhir-diagnosticreport, REPORTS",
            "POST, /fhir/Bundle, fhir-bundle, REPORTS",
            "PUT, /fhir/Consent/5, fhir-consent, CONSENT",
            "GET, /fhir/AuditEvent, fhir-auditevent, AUDIT"
    })
    void resolve_knownPath_routesToOwningService(String method, String path, String name, Backend backend) {
        Route route = table.resolve(method, path);

        assertEquals(name, route.name(), "route name of " + path);
        assertEquals(backend, route.backend(), "backend of " + path);
        assertEquals(path, route.upstreamPath(), "upstream path keeps the public layout below the service root");
    }

    @Test
    void resolve_qidoAndWado_requireImagingReader() {
        assertEquals(Set.of("imaging-reader"), table.resolve("GET", "/dicomweb/studies").requiredRoles());
        assertEquals(Set.of("imaging-reader"), table.resolve("GET", "/dicomweb/studies/1.2").requiredRoles());
    }

    @Test
    void resolve_reports_readNeedsReaderWriteNeedsAuthor() {
        assertEquals(Set.of("report-reader"), table.resolve("GET", "/fhir/DiagnosticReport").requiredRoles());
        assertEquals(Set.of("report-author"), table.resolve("POST", "/fhir/DiagnosticReport").requiredRoles());
        assertEquals(Set.of("report-author"), table.resolve("PUT", "/fhir/Bundle/9").requiredRoles());
    }

    @Test
    void registration_needsImagingSource_madoManifestGoesToRegistry() {
        assertEquals(Set.of("imaging-source"), table.resolve("POST", "/fhir/ImagingStudy").requiredRoles());
        Route bundle = table.resolve("POST", "/fhir/Bundle");
        Route mado = table.madoManifest(bundle);
        assertEquals(Backend.REGISTRY, mado.backend());
        assertEquals("/fhir/Bundle", mado.upstreamPath());
        assertEquals(Set.of("imaging-source"), mado.requiredRoles());
    }

    @Test
    void resolve_consentAndAudit_allowPatients() {
        assertEquals(Set.of("consent-manager", "patient"), table.resolve("POST", "/fhir/Consent").requiredRoles());
        assertEquals(Set.of("auditor", "patient"), table.resolve("GET", "/fhir/AuditEvent").requiredRoles());
    }

    @Test
    void permits_callerWithOneOfTheRoles_true() {
        Route route = table.resolve("GET", "/fhir/AuditEvent");

        assertTrue(route.permits(Set.of("patient")), "patient may read their access log");
        assertFalse(route.permits(Set.of("imaging-reader")), "imaging-reader may not read the audit trail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dicomweb/series", "/dicomweb/instances", "/dicomweb/studies/1.2/instances"})
    void resolve_qidoAcrossStudies_goesToRegistry(String path) {
        Route route = new RouteTable().resolve("GET", path);
        assertEquals(Backend.REGISTRY, route.backend(), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/metrics2", "/registry/api/crawls", "/dicomweb", "/dicomweb/serie",
            "/dicomweb/studies/1.2/frames", "/dicomweb/studies/1.2/series/3/instances/4/rendered",
            "/fhir/Patient", "/fhir", "/fhir/metadata", "/dicomweb/studies/", "//dicomweb/studies",
            "/fhir/ImagingStudy/../../api/crawls", "/fhir/ImagingStudy/%2e%2e/%2E%2E/api/crawls",
            "/fhir/ImagingStudy/a%2Fb", "/fhir/ImagingStudy/.", "/fhir/ImagingStudy;x=1",
            "/fhir/ImagingStudy\\..\\x"})
    void resolve_unknownOrUnsafePath_404(String path) {
        RouteNotFoundException e = assertThrows(RouteNotFoundException.class, () -> table.resolve("GET", path));

        assertEquals(404, e.status());
    }

    @ParameterizedTest
    @CsvSource({"POST, /dicomweb/studies, GET", "DELETE, /dicomweb/studies/1.2, GET",
            "PUT, /fhir/ImagingStudy/1, 'GET, POST'", "DELETE, /fhir/DiagnosticReport/1, 'GET, POST, PUT'",
            "PUT, /fhir/AuditEvent/1, GET", "PATCH, /fhir/Consent/1, 'GET, POST, PUT'"})
    void resolve_wrongMethod_405WithAllow(String method, String path, String allow) {
        MethodNotAllowedException e = assertThrows(MethodNotAllowedException.class, () -> table.resolve(method, path));

        assertEquals(405, e.status());
        assertEquals(allow, e.allowHeader(), "Allow header of " + path);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}.{3}")
    @CsvSource({
            "GET, /dicomweb/studies, ImagingStudy, s",
            "GET, /dicomweb/studies/" + STUDY + "/series/1.2.3/instances, ImagingStudy, s",
            "GET, /dicomweb/studies/" + STUDY + ", ImagingStudy, r",
            "GET, /dicomweb/studies/" + STUDY + "/metadata, ImagingStudy, r",
            "GET, /fhir/ImagingStudy, ImagingStudy, s",
            "GET, /fhir/ImagingStudy/" + STUDY + ", ImagingStudy, r",
            "GET, /fhir/ImagingStudy/" + STUDY + "/$manifest, ImagingStudy, r",
            "POST, /fhir/ImagingStudy, ImagingStudy, c",
            "GET, /fhir/DiagnosticReport, DiagnosticReport, s",
            "GET, /fhir/DiagnosticReport/17/_history/2, DiagnosticReport, r",
            "POST, /fhir/DiagnosticReport, DiagnosticReport, c",
            "PUT, /fhir/DiagnosticReport/17, DiagnosticReport, u",
            "POST, /fhir/Bundle, DiagnosticReport, c",
            "GET, /fhir/Consent, Consent, s",
            "POST, /fhir/Consent, Consent, c",
            "PUT, /fhir/Consent/5, Consent, u",
            "GET, /fhir/AuditEvent, AuditEvent, s",
    })
    void resolve_smartAccess(String method, String path, String type, char interaction) {
        ResourceAccess access = table.resolve(method, path).access();
        assertEquals(type, access.resourceType());
        assertEquals(interaction, access.interaction());
    }

    @Test
    void madoManifest_isImagingStudyCreate() {
        Route mado = table.madoManifest(table.resolve("POST", "/fhir/Bundle"));
        assertEquals(new ResourceAccess("ImagingStudy", 'c', false), mado.access());
    }

    @Test
    void patientCompartment_onlyWhereTheServiceRestrictsToTheTokensPatient() {
        assertTrue(table.resolve("GET", "/fhir/AuditEvent").access().patientCompartment());
        assertTrue(table.resolve("GET", "/fhir/Consent").access().patientCompartment());
        assertFalse(table.resolve("GET", "/fhir/ImagingStudy").access().patientCompartment());
        assertFalse(table.resolve("GET", "/dicomweb/studies").access().patientCompartment());
        assertFalse(table.resolve("GET", "/fhir/DiagnosticReport").access().patientCompartment());
    }
}
