package org.imagingexchange.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which service a POST /fhir/Bundle is for: MADO manifests to the registry, everything else to the report store. */
class ManifestBundlesTest {

    private static boolean mado(String json) {
        return ManifestBundles.isMadoManifest(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String document(String... resourceTypes) {
        StringBuilder entries = new StringBuilder("{\"resource\":{\"resourceType\":\"Composition\",\"type\":{\"coding\":"
                + "[{\"system\":\"http://loinc.org\",\"code\":\"18748-4\"}]}}}");
        for (String type : resourceTypes) {
            entries.append(",{\"resource\":{\"resourceType\":\"").append(type).append("\"}}");
        }
        return "{\"resourceType\":\"Bundle\",\"type\":\"document\",\"entry\":[" + entries + "]}";
    }

    @Test
    void manifest_imagingStudiesWithoutReport_isMado() {
        assertTrue(mado(document("Patient", "ImagingStudy", "Endpoint")));
    }

    @Test
    void report_documentWithDiagnosticReport_isNotMado() {
        assertFalse(mado(document("Patient", "ImagingStudy", "DiagnosticReport")));
        assertFalse(mado(document("DiagnosticReport", "ImagingStudy")));
    }

    @Test
    void declaredMadoProfile_isMadoWhateverTheEntries() {
        assertTrue(mado("{\"resourceType\":\"Bundle\",\"meta\":{\"profile\":"
                + "[\"https://profiles.ihe.net/RAD/MADO/StructureDefinition/MadoFhirBundle|1.0.0\"]},\"entry\":[]}"));
        assertTrue(mado("{\"resourceType\":\"Bundle\",\"meta\":{\"profile\":"
                + "[\"http://hl7.eu/fhir/imaging-manifest/StructureDefinition/EuMadoBundle\"]}}"));
    }

    @Test
    void report_decidedAtItsDiagnosticReport_restOfTheBodyNotRead() {
        String head = "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"DiagnosticReport\"}},"
                + "{\"resource\":{\"resourceType\":\"Binary\",\"data\":\"";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        boolean[] closed = {false};
        java.io.InputStream body = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(headBytes),
                new java.io.InputStream() { // an endless attachment
                    @Override
                    public int read() {
                        return 'A';
                    }

                    @Override
                    public void close() {
                        closed[0] = true;
                    }
                });
        ManifestBundles.Sniffed sniffed = ManifestBundles.sniff(body, 1 << 20);
        assertFalse(sniffed.madoManifest());
        assertTrue(sniffed.prefix().length < 64 * 1024, "read " + sniffed.prefix().length + " bytes");
        assertTrue(new String(sniffed.prefix(), StandardCharsets.UTF_8).startsWith(head), "the bytes read are kept");
        assertFalse(closed[0], "the body stays open for its rest");
    }

    @Test
    void undecidedAfterTheLimit_goesToTheReportStoreWithWhatWasRead() {
        String json = document("Patient", "ImagingStudy", "Endpoint");
        ManifestBundles.Sniffed sniffed = ManifestBundles.sniff(
                new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), 40);
        assertFalse(sniffed.madoManifest());
        assertTrue(sniffed.prefix().length <= 41);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "\"Bundle\"", "{\"resourceType\":\"Patient\"}", "{\"resourceType\":\"Bundle\"}",
            "{\"resourceType\":\"Bundle\",\"entry\":{}}", "{\"resourceType\":\"Bundle\",\"entry\":[1,{\"resource\":2}]}",
            "{\"resourceType\":\"Bundle\",\"meta\":{\"profile\":\"x\"}}", "<Bundle xmlns=\"http://hl7.org/fhir\"/>"})
    void anythingElse_goesToTheReportStore(String body) {
        assertFalse(mado(body), body);
    }
}
