package org.imagingexchange.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HL7 v2 ORU^R01 intake of the started report store: over MLLP ({@code it.mllp.port}, HAPI's MLLP client;
 * facility HOSPITAL_A configured for hospital-a) and over HTTP ({@code POST /reports/hl7v2}, real Keycloak
 * tokens). What was stored is read back from the IT database (consent is deliberately unreachable here, so
 * a FHIR search answers an empty searchset even to the custodian; see ReportStoreIT).
 */
class Hl7v2IT {

    static final String HL7_V2 = "application/hl7-v2";
    static final String STUDY_UID = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";

    private static HapiContext hapi;

    @BeforeAll
    static void awaitReady() throws InterruptedException {
        ReportStoreIT.awaitReady();
        hapi = new DefaultHapiContext();
        hapi.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
    }

    @AfterAll
    static void closeHapi() throws java.io.IOException {
        hapi.close();
    }

    /** A complete final CT report (segment structure of HL7 v2.5.1 ORU^R01) for the given patient, study and control id. */
    static String oru(String controlId, String facility, String patient, String uid, String resultStatus) {
        return String.join("\r",
                "MSH|^~\\&|RIS_A|" + facility + "|IMAGING_EXCHANGE|REGION|20261202101500||ORU^R01^ORU_R01|" + controlId + "|P|2.5.1",
                "PID|1||" + patient + "^^^HOSPITAL_A&2.25.158129823491212867129281234599812345&ISO^MR||CompressedSamples^CT1||19700101|O",
                "ORC|RE|PLC-" + controlId + "^RIS_A|FIL-" + controlId + "^RIS_A||CM",
                "OBR|1|PLC-" + controlId + "^RIS_A|FIL-" + controlId + "^RIS_A|24627-2^CT Chest^LN|||20040119072730|||||||||||ACC-"
                        + controlId + "||||20261202101400+0100||CT|" + resultStatus + "|||||||4711&Radiologist&Anna",
                "OBX|1|TX|24627-2&GDT^Findings^LN|1|No focal consolidation.||||||F",
                "OBX|2|TX|24627-2&IMP^Impression^LN|1|No acute cardiopulmonary abnormality.||||||F",
                "OBX|3|ST|113014^Study^DCM|1|" + uid + "||||||F") + "\r";
    }

    static String fresh() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static Message sendMllp(String er7) throws Exception {
        Message message = hapi.getPipeParser().parse(er7);
        Connection connection = hapi.newClient("127.0.0.1", Integer.getInteger("it.mllp.port"), false);
        try {
            return connection.getInitiator().sendAndReceive(message);
        } finally {
            connection.close();
        }
    }

    /** @return the stored report rows of the patient: author organisation and resource JSON */
    static List<String[]> stored(String patientId) {
        String url = "jdbc:postgresql://127.0.0.1:5432/" + System.getProperty("it.db.name", "exchange_reports_it");
        try (java.sql.Connection c = DriverManager.getConnection(url, "exchange", "exchange");
             PreparedStatement s = c.prepareStatement(
                     "select author_organization_id, status, resource_json from imaging_report where patient_id = ?")) {
            s.setString(1, patientId);
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("IT database unreachable", e);
        }
    }

    @Test
    void mllp_completeReport_isStoredOnceAndAcknowledgedAA() throws Exception {
        String patient = "HL7-" + fresh();
        String control = "M-" + fresh();
        Terser ack = new Terser(sendMllp(oru(control, "HOSPITAL_A", patient, STUDY_UID, "F")));
        assertEquals("AA", ack.get("/MSA-1"));
        assertEquals(control, ack.get("/MSA-2"));
        Terser again = new Terser(sendMllp(oru(control, "HOSPITAL_A", patient, STUDY_UID, "F")));
        assertEquals("AA", again.get("/MSA-1"), "a resend is acknowledged AA");
        assertTrue(again.get("/MSA-3").startsWith("already stored as DiagnosticReport/"), again.get("/MSA-3"));

        List<String[]> rows = stored(patient);
        assertEquals(1, rows.size(), "stored once");
        assertEquals("hospital-a", rows.get(0)[0], "custodian = the organisation configured for HOSPITAL_A");
        assertEquals("final", rows.get(0)[1]);
        String json = rows.get(0)[2];
        assertTrue(json.contains("\"conclusion\":\"No acute cardiopulmonary abnormality.\""), json);
        assertTrue(json.contains("urn:oid:" + STUDY_UID), json);
        assertTrue(json.contains("ACC-" + control), json);

        HttpResponse<String> search = Http.get("/reports/fhir/DiagnosticReport?patient:identifier=" + patient, Tokens.of("hospital-a"));
        assertEquals(200, search.statusCode(), search.body());
        assertEquals("searchset", ((JsonObject) Http.json(search)).getString("type"));
    }

    @Test
    void mllp_preliminaryThenMissingStatus_storesTheFirstAndAnswersAEForTheSecond() throws Exception {
        String patient = "HL7-" + fresh();
        assertEquals("AA", new Terser(sendMllp(oru("P-" + fresh(), "HOSPITAL_A", patient, STUDY_UID, "P"))).get("/MSA-1"));
        Message ae = sendMllp(oru("E-" + fresh(), "HOSPITAL_A", patient, STUDY_UID, ""));
        Terser t = new Terser(ae);
        assertEquals("AE", t.get("/MSA-1"), ae.encode());
        assertEquals("OBR", t.get("/ERR-2-1"));
        assertEquals("25", t.get("/ERR-2-3"));
        assertEquals("101", t.get("/ERR-3-1"));
        List<String[]> rows = stored(patient);
        assertEquals(1, rows.size(), "the AE message stored nothing");
        assertEquals("preliminary", rows.get(0)[1]);
    }

    @Test
    void mllp_unconfiguredFacility_isAR204() throws Exception {
        String patient = "HL7-" + fresh();
        Terser t = new Terser(sendMllp(oru("U-" + fresh(), "UNKNOWN_FACILITY", patient, STUDY_UID, "F")));
        assertEquals("AR", t.get("/MSA-1"));
        assertEquals("204", t.get("/ERR-3-1"));
        assertEquals(0, stored(patient).size());
    }

    @Test
    void http_completeReport_isStoredForTheTokensOrganisation() {
        String patient = "HL7-" + fresh();
        HttpResponse<String> r = Http.post("/reports/hl7v2", Tokens.of("radiologist-a"), HL7_V2,
                oru("H-" + fresh(), "ANY_FACILITY", patient, STUDY_UID, "C"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(HL7_V2), r.headers().map().toString());
        assertTrue(r.body().contains("\rMSA|AA|H-"), r.body());
        List<String[]> rows = stored(patient);
        assertEquals(1, rows.size());
        assertEquals("hospital-a", rows.get(0)[0], "organisation of radiologist-a's token");
        assertEquals("corrected", rows.get(0)[1]);
    }

    @Test
    void http_withoutTokenOrRole_isRefusedBeforeAnyHl7() {
        String body = oru("N-" + fresh(), "HOSPITAL_A", "HL7-" + fresh(), STUDY_UID, "F");
        assertEquals(401, Http.post("/reports/hl7v2", null, HL7_V2, body).statusCode());
        assertEquals(403, Http.post("/reports/hl7v2", Tokens.of("clinician-b"), HL7_V2, body).statusCode());
    }

    @Test
    void http_otherContentType_is415() {
        HttpResponse<String> r = Http.post("/reports/hl7v2", Tokens.of("hospital-a"), "text/plain",
                oru("T-" + fresh(), "HOSPITAL_A", "HL7-" + fresh(), STUDY_UID, "F"));
        assertEquals(415, r.statusCode(), r.body());
    }
}
