package org.imagingexchange.reports.api.hl7v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.imagingexchange.kit.context.Actor;
import org.imagingexchange.reports.api.FhirCodec;
import org.imagingexchange.reports.domain.MessageIntake;
import org.imagingexchange.reports.domain.MessageKey;
import org.imagingexchange.reports.domain.ReceivedMessages;
import org.imagingexchange.reports.domain.ReportCriteria;
import org.imagingexchange.reports.domain.ReportRepository;
import org.imagingexchange.reports.domain.ReportService;
import org.imagingexchange.reports.domain.StoredReport;
import org.junit.jupiter.api.Test;

/** The acknowledgement rules (HL7 v2.5.1 §2.9) and the once-per-control-id intake, on in-memory ports. */
class Hl7v2IntakeTest {

    static final Actor RIS_A = new Actor("hl7v2:HOSPITAL_A", "mllp:HOSPITAL_A", "", "hospital-a", "", "",
            Set.of("report-author"), "");

    /** Reports in a list. */
    static class ListReports implements ReportRepository {
        final List<StoredReport> rows = new ArrayList<>();

        @Override
        public void insert(StoredReport report) {
            rows.add(report);
        }

        @Override
        public Optional<StoredReport> find(String id) {
            return rows.stream().filter(r -> r.id().equals(id)).findFirst();
        }

        @Override
        public List<StoredReport> search(ReportCriteria criteria, int limit) {
            return rows.stream().limit(limit).toList();
        }
    }

    /** Message log in a map, refusing a second record of a key like the unique key does. */
    static final class MapLog implements ReceivedMessages {
        final Map<MessageKey, String> rows = new HashMap<>();

        @Override
        public Optional<String> reportFor(MessageKey key) {
            return Optional.ofNullable(rows.get(key));
        }

        @Override
        public void record(MessageKey key, String reportId, Instant receivedAt) {
            if (rows.putIfAbsent(key, reportId) != null) {
                throw new IllegalStateException("duplicate key " + key);
            }
        }
    }

    private final ListReports reports = new ListReports();
    private final MapLog log = new MapLog();
    private final Hl7v2Intake intake = new Hl7v2Intake(new Hl7v2Parser(),
            new MessageIntake(new ReportService(reports, null, Clock.systemUTC()), log, Clock.systemUTC()),
            new FhirCodec(), Set.of("P"), ZoneOffset.UTC);
    private final Function<String, Optional<Actor>> hospitalA = f -> f.startsWith("HOSPITAL_A") ? Optional.of(RIS_A) : Optional.empty();

    /** @return the acknowledgement's segments, each split into fields */
    static List<String[]> segments(String ack) {
        return ack.lines().flatMap(l -> java.util.Arrays.stream(l.split("\r"))).filter(s -> !s.isBlank())
                .map(s -> s.split("\\|", -1)).toList();
    }

    static String[] segment(String ack, String id) {
        return segments(ack).stream().filter(s -> s[0].equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + ack));
    }

    static List<String[]> errs(String ack) {
        return segments(ack).stream().filter(s -> s[0].equals("ERR")).toList();
    }

    @Test
    void receive_completeReport_isStoredAndAcknowledgedAA() {
        Hl7v2Intake.Answer answer = intake.receive(OruMessages.ctReport("AA-1").er7(), hospitalA);
        String[] msa = segment(answer.ack(), "MSA");
        assertEquals("AA", msa[1], answer.ack());
        assertEquals("AA-1", msa[2], "MSA-2 echoes MSH-10");
        assertEquals(1, reports.rows.size(), "one report stored");
        assertEquals("stored as DiagnosticReport/" + reports.rows.get(0).id(), msa[3]);
        assertEquals("hospital-a", reports.rows.get(0).authorOrganizationId(), "custodian = the facility's organisation");
        String[] msh = segment(answer.ack(), "MSH");
        assertEquals("ACK", msh[8].split("\\^")[0]);
        assertEquals("RIS_A", msh[4], "MSH-5 of the ACK is the sender's MSH-3");
        assertEquals("HOSPITAL_A", msh[5], "MSH-6 of the ACK is the sender's MSH-4");
    }

    @Test
    void receive_resentControlId_isAcknowledgedAAWithoutStoringTwice() {
        intake.receive(OruMessages.ctReport("DUP-1").er7(), hospitalA);
        Hl7v2Intake.Answer again = intake.receive(OruMessages.ctReport("DUP-1").er7(), hospitalA);
        assertEquals("AA", segment(again.ack(), "MSA")[1], again.ack());
        assertTrue(segment(again.ack(), "MSA")[3].startsWith("already stored as DiagnosticReport/"), again.ack());
        assertEquals(1, reports.rows.size(), "the resend stored nothing");
        assertTrue(again.stored().orElseThrow().duplicate());
    }

    @Test
    void receive_sameControlIdFromAnotherFacility_isANewMessage() {
        intake.receive(OruMessages.ctReport("SAME").er7(), hospitalA);
        intake.receive(OruMessages.ctReport("SAME").with("MSH-4", "HOSPITAL_A_ANNEX").er7(), hospitalA);
        assertEquals(2, reports.rows.size(), "control ids are unique per sending facility only");
    }

    @Test
    void receive_missingPatientIdAndStatus_isAEWithAnErrPerField() {
        String ack = intake.receive(OruMessages.ctReport("AE-1").with("PID-3", "").with("OBR-25", "").er7(), hospitalA).ack();
        assertEquals("AE", segment(ack, "MSA")[1], ack);
        List<String[]> errs = errs(ack);
        assertEquals(2, errs.size(), ack);
        assertEquals("PID^1^3", errs.get(0)[2], "ERR-2 names PID-3");
        assertTrue(errs.get(0)[3].startsWith("101^"), "ERR-3 required field missing: " + errs.get(0)[3]);
        assertEquals("E", errs.get(0)[4], "ERR-4 severity error");
        assertEquals("OBR^1^25", errs.get(1)[2], "ERR-2 names OBR-25");
        assertEquals(0, reports.rows.size(), "nothing stored");
    }

    @Test
    void receive_version23WithMissingPatientId_alsoFillsTheLegacyErr1() {
        String ack = intake.receive(OruMessages.ctReport("AE-23").with("MSH-12", "2.3").with("MSH-9", "ORU^R01")
                .with("PID-3", "").er7(), hospitalA).ack();
        assertEquals("AE", segment(ack, "MSA")[1], ack);
        assertEquals("2.3", segment(ack, "MSH")[11], "the ACK answers in the message's version");
        String[] err = errs(ack).get(0);
        assertEquals("PID^1^3^101&Required field missing&HL70357", err[1], "ERR-1 of HL7 v2.3: " + ack);
        assertEquals("PID^1^3", err[2], "ERR-2 of HL7 v2.5");
    }

    @Test
    void receive_afterAE_theCorrectedResendWithTheSameControlIdIsStored() {
        intake.receive(OruMessages.ctReport("FIX-1").with("PID-3", "").er7(), hospitalA);
        String ack = intake.receive(OruMessages.ctReport("FIX-1").er7(), hospitalA).ack();
        assertEquals("AA", segment(ack, "MSA")[1], ack);
        assertEquals(1, reports.rows.size());
    }

    @Test
    void receive_otherMessageType_isAR200() {
        String ack = intake.receive(OruMessages.ctReport("AR-1").with("MSH-9", "ADT^A01^ADT_A01").er7(), hospitalA).ack();
        assertEquals("AR", segment(ack, "MSA")[1], ack);
        assertTrue(errs(ack).get(0)[3].startsWith("200^"), ack);
    }

    @Test
    void receive_otherEvent_isAR201() {
        String ack = intake.receive(OruMessages.ctReport("AR-2").with("MSH-9", "ORU^R30").er7(), hospitalA).ack();
        assertEquals("AR", segment(ack, "MSA")[1], ack);
        assertTrue(errs(ack).get(0)[3].startsWith("201^"), ack);
    }

    @Test
    void receive_unknownVersion_isAR203() {
        String ack = intake.receive(OruMessages.ctReport("AR-3").with("MSH-12", "2.9").er7(), hospitalA).ack();
        assertEquals("AR", segment(ack, "MSA")[1], ack);
        assertEquals("AR-3", segment(ack, "MSA")[2]);
        assertTrue(errs(ack).get(0)[3].startsWith("203^"), ack);
        assertEquals("RIS_A", segment(ack, "MSH")[4], "addressed back to the sending application");
        assertEquals("2.9", segment(ack, "MSH")[11], "MSH-12 echoed");
        assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("id_file")), "no HAPI id file written");
    }

    @Test
    void receive_version22_isAR203() {
        String ack = intake.receive(OruMessages.ctReport("AR-4").with("MSH-12", "2.2").er7(), hospitalA).ack();
        assertEquals("AR", segment(ack, "MSA")[1], ack);
        assertTrue(errs(ack).get(0)[3].startsWith("203^"), ack);
    }

    @Test
    void receive_trainingProcessingId_isAR202() {
        String ack = intake.receive(OruMessages.ctReport("AR-5").with("MSH-11", "T").er7(), hospitalA).ack();
        assertEquals("AR", segment(ack, "MSA")[1], ack);
        assertTrue(errs(ack).get(0)[3].startsWith("202^"), ack);
        assertEquals(0, reports.rows.size());
    }

    @Test
    void receive_oruWithAnotherMessageStructure_isAR200() {
        String ack = intake.receive(OruMessages.ctReport("AR-8").with("MSH-9", "ORU^R01^ADT_A01").er7(), hospitalA).ack();
        assertEquals("AR", segment(ack, "MSA")[1], ack);
        assertTrue(errs(ack).get(0)[3].startsWith("200^"), ack);
    }

    @Test
    void receive_unconfiguredFacility_isAR204() {
        String ack = intake.receive(OruMessages.ctReport("AR-6").with("MSH-4", "ELSEWHERE").er7(), hospitalA).ack();
        assertEquals("AR", segment(ack, "MSA")[1], ack);
        assertTrue(errs(ack).get(0)[3].startsWith("204^"), ack);
        assertEquals("MSH^1^4", errs(ack).get(0)[2]);
    }

    @Test
    void receive_enhancedMode_answersCommitCodes() {
        String ok = intake.receive(OruMessages.ctReport("CA-1").with("MSH-15", "AL").with("MSH-16", "NE").er7(), hospitalA).ack();
        assertEquals("CA", segment(ok, "MSA")[1], ok);
        String bad = intake.receive(OruMessages.ctReport("CE-1").with("MSH-15", "AL").with("PID-3", "").er7(), hospitalA).ack();
        assertEquals("CE", segment(bad, "MSA")[1], bad);
        String refused = intake.receive(OruMessages.ctReport("CR-1").with("MSH-15", "AL").with("MSH-11", "D").er7(), hospitalA).ack();
        assertEquals("CR", segment(refused, "MSA")[1], refused);
    }

    @Test
    void receive_notHl7_isARWithoutControlId() {
        String ack = intake.receive("GET / HTTP/1.1\r\n", hospitalA).ack();
        assertEquals("AR", segment(ack, "MSA")[1], ack);
        assertTrue(errs(ack).get(0)[3].startsWith("100^"), ack);
    }

    @Test
    void receive_storeFails_isAR207() {
        ReportRepository broken = new ListReports() {
            @Override
            public void insert(StoredReport report) {
                throw new IllegalStateException("database down");
            }
        };
        Hl7v2Intake failing = new Hl7v2Intake(new Hl7v2Parser(),
                new MessageIntake(new ReportService(broken, null, Clock.systemUTC()), log, Clock.systemUTC()),
                new FhirCodec(), Set.of("P"), ZoneOffset.UTC);
        String ack = failing.receive(OruMessages.ctReport("AR-7").er7(), hospitalA).ack();
        assertEquals("AR", segment(ack, "MSA")[1], ack);
        assertTrue(errs(ack).get(0)[3].startsWith("207^"), ack);
    }
}
