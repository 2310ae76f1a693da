package org.imagingexchange.allinone;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/** Studies the end-to-end tests register themselves: fresh UIDs and the FHIR ImagingStudy that registers one. */
final class TestStudies {

    private TestStudies() {
    }

    /** @return a fresh UID under the UUID-derived root 2.25 (PS3.5 §B.2) */
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
        return """
                {"resourceType":"ImagingStudy","status":"available",
                 "contained":[{"resourceType":"Endpoint","id":"archive","status":"active",
                   "connectionType":{"code":"dicom-wado-rs"},"payloadType":[{"text":"DICOM"}],"address":"%s"}],
                 "endpoint":[{"reference":"#archive"}],
                 "identifier":[{"system":"urn:dicom:uid","value":"urn:oid:%s"}],
                 "subject":{"identifier":{"value":"%s"}},"started":"2026-11-30T08:00:00Z",
                 "series":[{"uid":"%s.1","number":1,"modality":{"code":"%s"},
                   "instance":[{"uid":"%s.1.1","number":1,
                     "sopClass":{"system":"urn:ietf:rfc:3986","code":"urn:oid:%s"}}]}]}"""
                .formatted(endpoint, study, patient, study, modality, study, sopClass);
    }
}
