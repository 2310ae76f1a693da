package org.imagingexchange.allinone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix (gateway/src/test/resources/authorization-matrix.csv, docs/authorization.md)
 * sent through the gateway of the all-in-one server: every route x every demo identity x patient 1CT1
 * (custodian hospital-a, consented to hospital-b here) and 4MR1 (no consent), each answer compared with the
 * expected status and, for searches, with whether the patient's data was found or filtered. All mismatches
 * are reported together.
 */
class AuthorizationMatrixIT {

    private static final String CONSENTED = "1CT1";
    private static final String UNCONSENTED = "4MR1";
    private static final Map<String, String> STUDIES = new java.util.HashMap<>();

    @BeforeAll
    static void crawlConsentAndReport() throws InterruptedException {
        PlatformReady.await(Duration.ofMinutes(5));
        HttpResponse<String> crawl = Http.post("/registry/api/crawls", Tokens.of("exchange-platform"), "application/json",
                "{\"source\":\"hospital-a\"}");
        assertEquals(200, crawl.statusCode(), "crawl of the demo PACS: " + crawl.body());
        for (String patient : List.of(CONSENTED, UNCONSENTED)) {
            JsonArray found = (JsonArray) Http.json(Http.get("/dicomweb/studies?PatientID=" + patient,
                    Tokens.of("radiologist-a")));
            assertEquals(1, found.size(), "one study of " + patient + " in the demo PACS");
            STUDIES.put(patient, found.getJsonObject(0).getJsonObject("0020000D").getJsonArray("Value").getString(0));
            HttpResponse<String> report = Http.post("/fhir/DiagnosticReport", Tokens.of("hospital-a"),
                    "application/fhir+json", report(patient, STUDIES.get(patient)));
            assertEquals(201, report.statusCode(), report.body());
        }
        HttpResponse<String> consent = Http.post("/fhir/Consent", Tokens.of("hospital-a"), "application/fhir+json",
                consent(CONSENTED, "permit", "hospital-b"));
        assertEquals(201, consent.statusCode(), consent.body());
    }

    @Test
    void everyRow_answersAsTheMatrixSays() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("../gateway/src/test/resources/authorization-matrix.csv"),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        List<String> mismatches = new ArrayList<>();
        int sent = 0;
        for (String line : rows) {
            String[] f = line.split(",", -1);
            String request = f[0];
            String method = f[2];
            String identity = f[4];
            for (int p = 0; p < 2; p++) {
                String patient = p == 0 ? CONSENTED : UNCONSENTED;
                String expected = f[5 + p];
                String path = f[3].replace("{pid}", patient).replace("{uid}", STUDIES.get(patient));
                String token = "none".equals(identity) ? null : Tokens.of(identity);
                HttpResponse<String> r = "GET".equals(method) ? Http.get(path, token)
                        : Http.post(path, token, "report-hl7v2".equals(request) ? "application/hl7-v2" : "application/fhir+json",
                                body(request, patient));
                sent++;
                String actual = Integer.toString(r.statusCode());
                if (expected.startsWith("200:")) {
                    actual += r.statusCode() == 200 ? (found(r) ? ":found" : ":empty") : "";
                }
                if (!expected.equals(actual)) {
                    mismatches.add(identity + " " + method + " " + path + " (" + request + "): expected " + expected
                            + ", got " + actual + " " + r.body().substring(0, Math.min(200, r.body().length())));
                }
            }
        }
        assertTrue(sent >= 2 * 9 * 8, "every route x identity x patient was sent: " + sent);
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + sent + " answers differ from the matrix:\n"
                + String.join("\n", mismatches));
    }

    /** @return true when a search answer holds at least one result (QIDO-RS array or FHIR searchset entries) */
    private static boolean found(HttpResponse<String> r) {
        if (r.body().isBlank()) {
            return false;
        }
        JsonStructure json = Http.json(r);
        if (json instanceof JsonArray a) {
            return !a.isEmpty();
        }
        JsonObject bundle = (JsonObject) json;
        return bundle.containsKey("entry") && !bundle.getJsonArray("entry").isEmpty();
    }

    private static String body(String request, String patient) throws IOException {
        String study = STUDIES.get(patient);
        String archive = System.getProperty("it.orthanc.url") + "/dicom-web";
        return switch (request) {
            case "imagingstudy-register" -> imagingStudy(study, patient, "#archive").replaceFirst(
                    "\\{\"resourceType\":\"ImagingStudy\",", "{\"resourceType\":\"ImagingStudy\",\"contained\":["
                            + endpoint("archive", archive) + "],");
            case "mado-register" -> """
                    {"resourceType":"Bundle","type":"collection","entry":[
                     {"fullUrl":"urn:uuid:5b2d8e3a-0000-4000-8000-000000000001","resource":{"resourceType":"Patient",
                      "identifier":[{"value":"%s"}]}},
                     {"fullUrl":"urn:uuid:5b2d8e3a-0000-4000-8000-000000000002","resource":%s},
                     {"fullUrl":"urn:uuid:5b2d8e3a-0000-4000-8000-000000000003","resource":%s}]}"""
                    .formatted(patient, imagingStudy(study, patient, "urn:uuid:5b2d8e3a-0000-4000-8000-000000000003")
                            .replace("{\"identifier\":{\"value\":\"" + patient + "\"}}",
                                    "{\"reference\":\"urn:uuid:5b2d8e3a-0000-4000-8000-000000000001\"}"),
                            endpoint(null, archive));
            case "report-create" -> report(patient, study);
            case "report-document" -> Files.readString(Path.of(
                            "../services/report-store/src/test/resources/examples/document-bundle-ct.json"))
                    .replace("1CT1", patient).replace("1.3.6.1.4.1.5962.1.2.1.20040119072730.12322", study);
            case "consent-create" -> consent(patient, "deny", "organisation-that-does-not-exist");
            case "report-hl7v2" -> oru(patient, study);
            default -> throw new IllegalArgumentException("no body for " + request);
        };
    }

    /** @return an HL7 v2.5.1 ORU^R01 final CT report of the patient's study, with a control id of its own */
    private static String oru(String patient, String study) {
        String control = java.util.UUID.randomUUID().toString().substring(0, 18);
        return String.join("\r",
                "MSH|^~\\&|RIS_A|HOSPITAL_A|IMAGING_EXCHANGE|REGION|20261202101500||ORU^R01^ORU_R01|" + control + "|P|2.5.1",
                "PID|1||" + patient + "^^^HOSPITAL_A^MR",
                "OBR|1|PLC-" + control + "|FIL-" + control + "|24627-2^CT Chest^LN|||20040119072730|||||||||||ACC-" + control
                        + "||||20261202101400||CT|F|||||||4711&Radiologist&Anna",
                "OBX|1|TX|24627-2&IMP^Impression^LN|1|No acute abnormality.",
                "OBX|2|ST|113014^Study^DCM|1|" + study) + "\r";
    }

    private static String imagingStudy(String study, String patient, String endpointReference) {
        return "{\"resourceType\":\"ImagingStudy\",\"status\":\"available\",\"identifier\":[{\"system\":\"urn:dicom:uid\","
                + "\"value\":\"urn:oid:" + study + "\"}],\"subject\":{\"identifier\":{\"value\":\"" + patient + "\"}},"
                + "\"endpoint\":[{\"reference\":\"" + endpointReference + "\"}]}";
    }

    private static String endpoint(String id, String address) {
        return "{\"resourceType\":\"Endpoint\"," + (id == null ? "" : "\"id\":\"" + id + "\",")
                + "\"status\":\"active\",\"connectionType\":{\"code\":\"dicom-wado-rs\"},"
                + "\"payloadType\":[{\"text\":\"DICOM\"}],\"address\":\"" + address + "\"}";
    }

    private static String report(String patient, String study) {
        return """
                {"resourceType":"DiagnosticReport","status":"final",
                 "identifier":[{"system":"urn:dicom:uid","value":"urn:oid:%s"}],
                 "category":[{"coding":[{"system":"http://loinc.org","code":"LP29684-5","display":"Radiology"}]},
                  {"coding":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"CT"}]}],
                 "code":{"coding":[{"system":"http://loinc.org","code":"18748-4","display":"Diagnostic imaging study"}]},
                 "subject":{"identifier":{"value":"%s"}},
                 "effectiveDateTime":"2026-11-30T08:00:00Z","issued":"2026-11-30T09:00:00Z",
                 "performer":[{"identifier":{"system":"urn:imaging-exchange:organization-id","value":"hospital-a"}}],
                 "conclusion":"Authorization matrix test report."}""".formatted(study, patient);
    }

    private static String consent(String patient, String type, String organization) {
        return """
                {"resourceType":"Consent","status":"active",
                 "patient":{"identifier":{"value":"%s"}},
                 "provision":{"type":"%s","actor":[{"reference":{"type":"Organization",
                  "identifier":{"system":"urn:imaging-exchange:organization-id","value":"%s"}}}]}}"""
                .formatted(patient, type, organization);
    }
}
