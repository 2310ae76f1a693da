package org.imagingexchange.allinone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HL7 v2 ORU^R01 into the platform and back out by FHIR search: over HTTP through the gateway
 * ({@code POST /hl7v2}, application/hl7-v2, hospital-a's token) and over the report store's MLLP port
 * ({@code it.mllp.port}, a raw socket with MLLP framing; facility HOSPITAL_A mapped to hospital-a). The
 * custodian finds the report by {@code patient:identifier}; another organisation without the patient's
 * consent does not (opt-in policy).
 */
class Hl7v2IntakeIT {

    @BeforeAll
    static void ready() throws InterruptedException {
        PlatformReady.await(Duration.ofMinutes(5));
    }

    static String oru(String control, String patient, String uid, String status) {
        return String.join("\r",
                "MSH|^~\\&|RIS_A|HOSPITAL_A|IMAGING_EXCHANGE|REGION|20261202101500||ORU^R01^ORU_R01|" + control + "|P|2.5.1",
                "PID|1||" + patient + "^^^HOSPITAL_A^MR||CompressedSamples^CT1||19700101|O",
                "ORC|RE|PLC-" + control + "^RIS_A|FIL-" + control + "^RIS_A||CM",
                "OBR|1|PLC-" + control + "^RIS_A|FIL-" + control + "^RIS_A|24627-2^CT Chest^LN|||20040119072730|||||||||||ACC-"
                        + control + "||||20261202101400+0100||CT|" + status + "|||||||4711&Radiologist&Anna",
                "OBX|1|TX|24627-2&GDT^Findings^LN|1|No focal consolidation.",
                "OBX|2|TX|24627-2&IMP^Impression^LN|1|No acute cardiopulmonary abnormality.",
                "OBX|3|ST|113014^Study^DCM|1|" + uid) + "\r";
    }

    /** @return the searchset's DiagnosticReports of the patient, as the identity sees them through the gateway */
    static JsonArray reportsOf(String patient, String identity) {
        HttpResponse<String> r = Http.get("/fhir/DiagnosticReport?patient:identifier=" + patient, Tokens.of(identity));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject bundle = (JsonObject) Http.json(r);
        return bundle.containsKey("entry") ? bundle.getJsonArray("entry") : JsonArray.EMPTY_JSON_ARRAY;
    }

    static String mllp(String er7) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", Integer.getInteger("it.mllp.port"))) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(0x0b);
            out.write(er7.getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[] {0x1c, 0x0d});
            out.flush();
            InputStream in = socket.getInputStream();
            assertEquals(0x0b, in.read(), "MLLP start block");
            ByteArrayOutputStream ack = new ByteArrayOutputStream();
            for (int b = in.read(); b != 0x1c; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed inside the acknowledgement");
                }
                ack.write(b);
            }
            return ack.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void http_oruThroughTheGateway_isFoundByTheCustodianOnly() {
        String patient = "ORU-" + UUID.randomUUID().toString().substring(0, 8);
        String control = "H" + UUID.randomUUID().toString().substring(0, 12);
        String uid = TestStudies.freshUid();
        HttpResponse<String> r = Http.post("/hl7v2", Tokens.of("hospital-a"), "application/hl7-v2", oru(control, patient, uid, "F"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/hl7-v2"), r.headers().map().toString());
        assertTrue(r.body().contains("\rMSA|AA|" + control), r.body());

        JsonArray found = reportsOf(patient, "hospital-a");
        assertEquals(1, found.size(), "the custodian finds the ORU's report");
        JsonObject report = found.getJsonObject(0).getJsonObject("resource");
        assertEquals("final", report.getString("status"));
        assertEquals("No acute cardiopulmonary abnormality.", report.getString("conclusion"));
        assertTrue(report.toString().contains("urn:oid:" + uid), report.toString());
        assertEquals(0, reportsOf(patient, "clinician-b").size(), "no consent to hospital-b: filtered");
    }

    @Test
    void mllp_oruAndItsResend_storeOneReportFoundBySearch() throws IOException {
        String patient = "ORU-" + UUID.randomUUID().toString().substring(0, 8);
        String control = "M" + UUID.randomUUID().toString().substring(0, 12);
        String uid = TestStudies.freshUid();
        String ack = mllp(oru(control, patient, uid, "P"));
        assertTrue(ack.contains("\rMSA|AA|" + control), ack);
        String again = mllp(oru(control, patient, uid, "P"));
        assertTrue(again.contains("\rMSA|AA|" + control + "|already stored as DiagnosticReport/"), again);

        JsonArray found = reportsOf(patient, "hospital-a");
        assertEquals(1, found.size(), "one report for the message and its resend");
        assertEquals("preliminary", found.getJsonObject(0).getJsonObject("resource").getString("status"));
    }

    @Test
    void mllp_missingStudyUid_isAEAndNothingIsFound() throws IOException {
        String patient = "ORU-" + UUID.randomUUID().toString().substring(0, 8);
        String control = "E" + UUID.randomUUID().toString().substring(0, 12);
        String er7 = oru(control, patient, TestStudies.freshUid(), "F").replaceAll("OBX\\|3\\|[^\r]*\r", "");
        String ack = mllp(er7);
        assertTrue(ack.contains("\rMSA|AE|" + control), ack);
        assertTrue(ack.contains("ZDS^1^1"), "ERR-2 names ZDS-1: " + ack);
        assertEquals(0, reportsOf(patient, "hospital-a").size());
    }
}
