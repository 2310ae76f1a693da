package org.imagingexchange.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocationRewriterTest {

    private static final String PUBLIC = "https://exchange.example";

    @ParameterizedTest(name = "{1} -> {2}")
    @CsvSource({
            "http://127.0.0.1:9080/reports, http://127.0.0.1:9080/reports/fhir/DiagnosticReport/7/_history/1, https://exchange.example/fhir/DiagnosticReport/7/_history/1",
            "http://127.0.0.1:9080/reports, /reports/fhir/DiagnosticReport/7, /fhir/DiagnosticReport/7",
            "http://127.0.0.1:9080/registry, http://127.0.0.1:9080/registry/dicomweb/studies?PatientID=1CT1, https://exchange.example/dicomweb/studies?PatientID=1CT1",
            "http://127.0.0.1:9080/registry/, /registry/dicomweb/studies/1.2#x, /dicomweb/studies/1.2#x",
            "http://registry.svc, http://registry.svc/fhir/ImagingStudy/1, https://exchange.example/fhir/ImagingStudy/1",
            "http://127.0.0.1:9080/consent, http://127.0.0.1:80/consent/fhir/Consent/3, http://127.0.0.1:80/consent/fhir/Consent/3",
            "http://127.0.0.1:9080/consent, http://other.example:9080/consent/fhir/Consent/3, http://other.example:9080/consent/fhir/Consent/3",
            "http://127.0.0.1:9080/audit, /audit/api/integrity, /audit/api/integrity",
            "http://127.0.0.1:9080/audit, /auditfoo/fhir/AuditEvent, /auditfoo/fhir/AuditEvent",
            "http://127.0.0.1:9080/audit, AuditEvent/5, AuditEvent/5",
            "http://127.0.0.1:9080/audit, '', ''"
    })
    void rewrite_serviceUrl_becomesPublicUrl(String backend, String location, String expected) {
        assertEquals(expected, LocationRewriter.rewrite(location, URI.create(backend), PUBLIC));
    }

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:9080/reports, http://[bad"})
    void rewrite_unparsableLocation_unchanged(String backend, String location) {
        assertEquals(location, LocationRewriter.rewrite(location, URI.create(backend), PUBLIC));
    }
}
