package org.imagingexchange.allinone;

import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.nio.ByteBuffer;
import java.util.UUID;

/** Studies the end-to-end tests register themselves: fresh UIDs and the FHIR ImagingStudy that registers one. */
final class TestStudies {

    private TestStudies() {
    }

    /** @return a fresh UID under the UUID-derived root 2.25 (PS3.5 §B.2) */
    /**
     * Asks the test PACS (Orthanc HOSPITAL_A, {@code it.orthanc.url}) itself, by QIDO-RS with the demo credentials.
     *
     * @param query e.g. {@code studies?PatientID=1CT1}
     * @return the DICOM JSON array it answers
     */
    static JsonArray orthancQido(String query) throws Exception {
        String auth = Base64.getEncoder().encodeToString("orthanc:orthanc-pass".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(System.getProperty("it.orthanc.url") + "/dicom-web/" + query))
                        .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Orthanc QIDO-RS " + query + ": HTTP " + r.statusCode());
        }
        return Json.createReader(new StringReader(r.body())).readArray();
    }

    /** @return the Study Instance UID the test PACS holds for the patient (its first study) */
    static String orthancStudyUid(String patientId) throws Exception {
        return orthancQido("studies?PatientID=" + patientId).getJsonObject(0).getJsonObject("0020000D")
                .getJsonArray("Value").getString(0);
    }

    static String freshUid() {
        return "2.25." + new BigInteger(1, ByteBuffer.allocate(16).putLong(UUID.randomUUID().getMostSignificantBits())
                .putLong(UUID.randomUUID().getLeastSignificantBits()).array());
    }

    /**
     * @param study    Study Instance UID
     * @param patient  Patient ID
     * @param endpoint the archive's address (DICOMweb base URL or {@code dicom://AE@host:port})
     * @param modality modality of the one series
     * @param sopClass SOP Class UID of its one instance
     * @return a FHIR ImagingStudy (registration body of {@code POST /fhir/ImagingStudy}) with one series and instance
     */
    static String imagingStudy(String study, String patient, String endpoint, String modality, String sopClass) {
        return imagingStudy(study, "", "{\"identifier\":{\"value\":\"%s\"}}".formatted(patient), endpoint, modality,
                sopClass);
    }

    /**
     * @param study    Study Instance UID
     * @param patient  Patient ID
     * @param family   the patient's family name
     * @param endpoint the archive's address
     * @return a FHIR ImagingStudy like {@link #imagingStudy(String, String, String, String, String)} (CT) whose subject
     *         is a contained Patient with that identifier and name
     */
    static String imagingStudyOfNamedPatient(String study, String patient, String family, String endpoint) {
        String contained = """
                ,{"resourceType":"Patient","id":"patient","identifier":[{"value":"%s"}],
                  "name":[{"family":"%s","given":["Test"]}]}""".formatted(patient, family);
        return imagingStudy(study, contained, "{\"reference\":\"#patient\"}", endpoint, "CT", "1.2.840.10008.5.1.4.1.1.2");
    }

    private static String imagingStudy(String study, String contained, String subject, String endpoint, String modality,
                                       String sopClass) {
        return """
                {"resourceType":"ImagingStudy","status":"available",
                 "contained":[{"resourceType":"Endpoint","id":"archive","status":"active",
                   "connectionType":{"code":"dicom-wado-rs"},"payloadType":[{"text":"DICOM"}],"address":"%s"}%s],
                 "endpoint":[{"reference":"#archive"}],
                 "identifier":[{"system":"urn:dicom:uid","value":"urn:oid:%s"}],
                 "subject":%s,"started":"2026-11-30T08:00:00Z",
                 "series":[{"uid":"%s.1","number":1,"modality":{"code":"%s"},
                   "instance":[{"uid":"%s.1.1","number":1,
                     "sopClass":{"system":"urn:ietf:rfc:3986","code":"urn:oid:%s"}}]}]}"""
                .formatted(endpoint, contained, study, subject, study, modality, study, sopClass);
    }
}
