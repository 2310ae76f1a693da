package org.imagingexchange.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.imagingexchange.kit.problem.BadRequestProblem;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.registry.domain.PatientIdentifier;
import org.imagingexchange.registry.domain.RegistrationRejectedException;
import org.imagingexchange.registry.domain.StudyRegistration;
import org.junit.jupiter.api.Test;

/** Reading MADO manifests and ImagingStudy registrations: the model they give and every rule they can break. */
class RegistrationReaderTest {

    static final String STUDY = "2.25.117437281293044912345678901234567890";
    static final String SERIES = STUDY + ".1";

    /** A MADO manifest document: Composition, Patient (two identifiers), ImagingStudy, Endpoint. */
    static String manifest(String studyFragment) {
        return """
                {"resourceType":"Bundle","type":"document","timestamp":"2026-11-30T10:00:00Z",
                 "identifier":{"system":"urn:ietf:rfc:3986","value":"urn:uuid:9a3c0e0a-0d1e-4f8e-9a44-0f5b8e1c2d3e"},
                 "entry":[
                  {"fullUrl":"urn:uuid:0b1f6c2a-1111-4c1d-8a55-000000000001","resource":{"resourceType":"Composition",
                    "status":"final","type":{"coding":[{"system":"http://loinc.org","code":"18748-4"}]},
                    "subject":{"reference":"urn:uuid:0b1f6c2a-1111-4c1d-8a55-000000000002"},"date":"2026-11-30T10:00:00Z",
                    "author":[{"display":"PACS of hospital A"}],"title":"Imaging study manifest"}},
                  {"fullUrl":"urn:uuid:0b1f6c2a-1111-4c1d-8a55-000000000002","resource":{"resourceType":"Patient",
                    "identifier":[{"system":"HOSPITAL-A","value":"MRN-7"},{"system":"urn:oid:2.16.528.1.1007.3.3","value":"NL-99"}],
                    "name":[{"family":"Testa","given":["Ana","Maria"]}],"gender":"female","birthDate":"1970-02-03"}},
                  {"fullUrl":"urn:uuid:0b1f6c2a-1111-4c1d-8a55-000000000003","resource":%s},
                  {"fullUrl":"urn:uuid:0b1f6c2a-1111-4c1d-8a55-000000000004","resource":{"resourceType":"Endpoint",
                    "status":"active","connectionType":{"system":"http://terminology.hl7.org/CodeSystem/endpoint-connection-type",
                    "code":"dicom-wado-rs"},"payloadType":[{"text":"DICOM"}],"address":"http://127.0.0.1:8042/dicom-web"}}
                 ]}""".formatted(studyFragment);
    }

    static String imagingStudy(String uid, String extra) {
        return """
                {"resourceType":"ImagingStudy","status":"available",
                 "identifier":[{"system":"urn:dicom:uid","value":"urn:oid:%s"},
                   {"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"ACSN"}]},
                    "system":"http://hospital-a.example/accession","value":"ACC-42"}],
                 "subject":{"reference":"urn:uuid:0b1f6c2a-1111-4c1d-8a55-000000000002"},
                 "started":"2024-05-06T07:08:09Z","description":"CT thorax",
                 "endpoint":[{"reference":"urn:uuid:0b1f6c2a-1111-4c1d-8a55-000000000004"}],
                 "series":[{"uid":"%s","number":2,"modality":{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"CT"},
                   "bodySite":{"display":"CHEST"},
                   "instance":[{"uid":"%s.1","number":1,"sopClass":{"system":"urn:ietf:rfc:3986","code":"urn:oid:1.2.840.10008.5.1.4.1.1.2"}},
                               {"uid":"%s.2","number":2,"sopClass":{"system":"urn:ietf:rfc:3986","code":"urn:oid:1.2.840.10008.5.1.4.1.1.2"}}]}]%s}
                """.formatted(uid, uid + ".1", uid + ".1", uid + ".1", extra);
    }

    @Test
    void bundle_madoManifest_readsStudyPatientSeriesInstancesAndEndpoint() {
        List<StudyRegistration> read = RegistrationReader.bundle(manifest(imagingStudy(STUDY, "")));
        assertEquals(1, read.size());
        StudyRegistration r = read.get(0);
        assertEquals("Bundle.entry[2].resource", r.location());
        assertEquals(STUDY, r.header().studyInstanceUid());
        assertEquals("MRN-7", r.header().patientId());
        assertEquals("HOSPITAL-A", r.header().issuerOfPatientId());
        assertEquals(List.of(new PatientIdentifier("NL-99", "urn:oid:2.16.528.1.1007.3.3")), r.header().otherPatientIds());
        assertEquals("Testa^Ana^Maria", r.header().patientName());
        assertEquals(LocalDate.of(1970, 2, 3), r.header().patientBirthDate());
        assertEquals("F", r.header().patientSex());
        assertEquals(LocalDate.of(2024, 5, 6), r.header().studyDate());
        assertEquals("070809", r.header().studyTime());
        assertEquals("ACC-42", r.header().accessionNumber());
        assertEquals("http://hospital-a.example/accession", r.header().accessionNumberIssuer());
        assertEquals("CT thorax", r.header().studyDescription());
        assertEquals(1, r.series().size());
        assertEquals("CT", r.series().get(0).series().modality());
        assertEquals("CHEST", r.series().get(0).series().bodyPartExamined());
        assertEquals(2, r.series().get(0).instances().size());
        assertEquals("1.2.840.10008.5.1.4.1.1.2", r.series().get(0).instances().get(0).sopClassUid());
        assertEquals("http://127.0.0.1:8042/dicom-web", r.endpointAddress());
    }

    @Test
    void imagingStudy_containedPatientAndNoEndpoint_readsWithoutAddress() {
        String json = """
                {"resourceType":"ImagingStudy","status":"available",
                 "contained":[{"resourceType":"Patient","id":"p","identifier":[{"value":"MRN-8"}]}],
                 "identifier":[{"system":"urn:dicom:uid","value":"urn:oid:%s"}],"subject":{"reference":"#p"},
                 "started":"2024-05-06"}""".formatted(STUDY);
        StudyRegistration r = RegistrationReader.imagingStudy(json);
        assertEquals("MRN-8", r.header().patientId());
        assertEquals("", r.header().issuerOfPatientId());
        assertEquals(LocalDate.of(2024, 5, 6), r.header().studyDate());
        assertNull(r.header().studyTime());
        assertNull(r.endpointAddress());
        assertTrue(r.series().isEmpty());
    }

    @Test
    void imagingStudy_subjectIdentifierOnly_isThePatient() {
        String json = """
                {"resourceType":"ImagingStudy","status":"registered",
                 "identifier":[{"system":"urn:dicom:uid","value":"urn:oid:%s"}],
                 "subject":{"identifier":{"system":"HOSPITAL-A","value":"MRN-9"}}}""".formatted(STUDY);
        assertEquals("MRN-9", RegistrationReader.imagingStudy(json).header().patientId());
    }

    @Test
    void bundle_everyBrokenRule_eachNamedWithItsLocation() {
        String broken = """
                {"resourceType":"ImagingStudy",
                 "identifier":[{"system":"urn:dicom:uid","value":"urn:oid:1.02.3"}],
                 "subject":{"reference":"urn:uuid:0b1f6c2a-1111-4c1d-8a55-000000000009"},
                 "series":[{"uid":"1..2","modality":{"code":"ct"},
                   "instance":[{"uid":"abc"},{"uid":"1.2.3.4","sopClass":{"code":"urn:oid:1.2.x"}}]}]}""";
        RegistrationRejectedException e = assertThrows(RegistrationRejectedException.class,
                () -> RegistrationReader.bundle(manifest(broken)));
        List<String> where = e.issues().stream().map(ProblemException.Issue::location).toList();
        String at = "Bundle.entry[2].resource";
        assertEquals(List.of(at + ".identifier[0].value", at + ".status", at + ".subject.reference",
                at + ".series[0].uid", at + ".series[0].modality", at + ".series[0].instance[0].uid",
                at + ".series[0].instance[0].sopClass", at + ".series[0].instance[1].sopClass"), where, e.issues().toString());
        assertEquals(422, e.status());
    }

    @Test
    void bundle_unknownElementsAndBadValues_namedByTheParser() {
        String study = imagingStudy(STUDY, ",\"colour\":\"blue\"").replace("\"number\":2,", "\"number\":\"two\",");
        RegistrationRejectedException e = assertThrows(RegistrationRejectedException.class,
                () -> RegistrationReader.bundle(manifest(study)));
        String all = e.issues().toString();
        assertTrue(all.contains("colour"), all);
        assertTrue(all.contains("number"), all);
    }

    @Test
    void bundle_impossibleStartedDate_rejectedNotFailed() {
        String study = imagingStudy(STUDY, "").replace("2024-05-06T07:08:09Z", "2024-13-45T07:08:09Z");
        RegistrationRejectedException e = assertThrows(RegistrationRejectedException.class,
                () -> RegistrationReader.bundle(manifest(study)));
        assertTrue(e.issues().stream().anyMatch(i -> i.message().contains("invalid value")), e.issues().toString());
    }

    @Test
    void bundle_twoDifferentWadoAddresses_rejected() {
        String study = imagingStudy(STUDY, "").replace("\"bodySite\"",
                "\"endpoint\":[{\"reference\":\"urn:uuid:0b1f6c2a-1111-4c1d-8a55-000000000005\"}],\"bodySite\"");
        String json = manifest(study).replace("\n ]}", ",\n{\"fullUrl\":\"urn:uuid:0b1f6c2a-1111-4c1d-8a55-000000000005\","
                + "\"resource\":{\"resourceType\":\"Endpoint\",\"status\":\"active\",\"connectionType\":{\"code\":\"dicom-wado-rs\"},"
                + "\"payloadType\":[{\"text\":\"DICOM\"}],\"address\":\"http://other.example/wado\"}}\n ]}");
        RegistrationRejectedException e = assertThrows(RegistrationRejectedException.class,
                () -> RegistrationReader.bundle(json));
        assertTrue(e.issues().get(0).message().contains("2 different WADO-RS"), e.issues().toString());
    }

    @Test
    void bundle_searchsetOrEmpty_rejected() {
        RegistrationRejectedException e = assertThrows(RegistrationRejectedException.class,
                () -> RegistrationReader.bundle("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}"));
        assertEquals(List.of("Bundle.type"), e.issues().stream().map(ProblemException.Issue::location).toList());
        assertThrows(RegistrationRejectedException.class,
                () -> RegistrationReader.bundle("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}"));
    }

    @Test
    void notJsonOrOtherResource_badRequest() {
        assertThrows(BadRequestProblem.class, () -> RegistrationReader.bundle("{not json"));
        assertThrows(BadRequestProblem.class, () -> RegistrationReader.bundle("{\"resourceType\":\"Patient\"}"));
        assertThrows(BadRequestProblem.class, () -> RegistrationReader.imagingStudy("{\"resourceType\":\"Bundle\"}"));
    }

    @Test
    void cancelledStudy_notRegistered() {
        String json = imagingStudy(STUDY, "").replace("\"available\"", "\"cancelled\"");
        assertThrows(RegistrationRejectedException.class, () -> RegistrationReader.bundle(manifest(json)));
    }
}
