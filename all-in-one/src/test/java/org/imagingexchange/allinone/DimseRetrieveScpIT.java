package org.imagingexchange.allinone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's AE EXCHANGE as C-GET and C-MOVE SCP against DCMTK getscu, movescu and storescp on loopback:
 * the calling AE HOSPITAL_A acts for hospital-a (custodian of the test PACS's studies), HOSPITAL_B for hospital-b
 * (no consent under the opt-in policy); the pixels come from the PACS through the retrieval proxy's WADO-RS.
 */
class DimseRetrieveScpIT {

    private static final String HOST = "127.0.0.1";
    private static String study;
    private static int instances;

    @BeforeAll
    static void awaitReadyAndCrawl() throws Exception {
        PlatformReady.await(Duration.ofMinutes(5));
        HttpResponse<String> crawl = Http.post("/registry/api/crawls", Tokens.of("exchange-platform"), "application/json",
                "{\"source\":\"hospital-a\"}");
        assertEquals(200, crawl.statusCode(), "crawl of the test PACS: " + crawl.body());
        study = TestStudies.orthancStudyUid("1CT1");
        instances = TestStudies.orthancQido("studies/" + study + "/instances").size();
    }

    private static String dimsePort() {
        return System.getProperty("it.dimse.port", "19191");
    }

    private static Path workDir(String name) throws IOException {
        return Files.createTempDirectory(name + "-");
    }

    private static long files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static String[] studyLevel(String callingAe, String... extra) {
        List<String> args = new ArrayList<>(List.of("-v", "-S", "-aet", callingAe, "-aec", "EXCHANGE"));
        args.addAll(List.of(extra));
        args.addAll(List.of("-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study, HOST, dimsePort()));
        return args.toArray(String[]::new);
    }

    private static Run run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), command[0] + " finished");
        return new Run(p.exitValue(), out);
    }

    private record Run(int exitCode, String output) {
    }

    private static String[] concat(String tool, String[] args) {
        String[] out = new String[args.length + 1];
        out[0] = tool;
        System.arraycopy(args, 0, out, 1, args.length);
        return out;
    }

    @Test
    void getscu_custodianAe_receivesEveryInstanceOfTheStudy() throws Exception {
        Path out = workDir("getscu-a");
        Run get = run(concat("getscu", studyLevel("HOSPITAL_A", "-od", out.toString())));
        assertTrue(get.output().contains("Received C-GET Response (Success)"), get.output());
        assertEquals(instances, files(out), "every instance the PACS holds arrives: " + get.output());
        assertTrue(instances > 0, "the test PACS holds the study");
        assertTrue(awaitAuditEvent("AE:HOSPITAL_A", study, "\"outcome\"\\s*:\\s*\"0\""), "audited like the same WADO-RS retrieval, the AE as agent");
    }

    @Test
    void getscu_aeOfAnOrganisationWithoutConsent_receivesNothing() throws Exception {
        // A study of its own patient, held by hospital-a, for which hospital-b has no consent (opt-in policy).
        String refused = TestStudies.freshUid();
        String archive = "dicom://LEGACY_PACS@127.0.0.1:" + System.getProperty("it.legacy.dicom.port", "14543");
        HttpResponse<String> registered = Http.post("/fhir/ImagingStudy", Tokens.of("hospital-a"), "application/fhir+json",
                TestStudies.imagingStudy(refused, "DIMSE-" + UUID.randomUUID().toString().substring(0, 8), archive, "CT",
                        "1.2.840.10008.5.1.4.1.1.2"));
        assertEquals(201, registered.statusCode(), registered.body());
        Path out = workDir("getscu-b");
        Run get = run("getscu", "-v", "-S", "-aet", "HOSPITAL_B", "-aec", "EXCHANGE", "-od", out.toString(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + refused, HOST, dimsePort());
        assertEquals(0, files(out), "consent refuses hospital-b: " + get.output());
        assertTrue(!get.output().contains("(Pending)"), "no sub-operation: " + get.output());
        assertTrue(awaitAuditEvent("AE:HOSPITAL_B", refused, "consent denied"),
                "the refusal is audited like a refused WADO-RS retrieval");
    }

    /**
     * Polls the audit trail (as auditor; records arrive through the services' outboxes) for a PatientRead of the
     * study with the AE as agent whose JSON matches the pattern.
     */
    private static boolean awaitAuditEvent(String agent, String studyUid, String pattern) throws InterruptedException {
        java.util.regex.Pattern wanted = java.util.regex.Pattern.compile(pattern);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> events = Http.get("/fhir/AuditEvent?agent=" + agent + "&entity=" + studyUid,
                    Tokens.of("auditor"));
            if (events.statusCode() == 200 && wanted.matcher(events.body()).find()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    @Test
    void movescu_toTheCallersConfiguredStorescp_instancesArrive() throws Exception {
        Path out = workDir("movescu-a");
        String port = System.getProperty("it.move.hospital-a.port", "19193");
        Process storescp = new ProcessBuilder("storescp", "+xa", "-aet", "HOSPITAL_A", "-od", out.toString(), port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitListening("HOSPITAL_A", port);
            Run move = run(concat("movescu", studyLevel("HOSPITAL_A", "-aem", "HOSPITAL_A")));
            assertTrue(move.output().contains("Received Final Move Response (Success)"), move.output());
        } finally {
            storescp.destroy();
            storescp.waitFor(5, TimeUnit.SECONDS);
        }
        assertEquals(instances, files(out), "every instance arrives at the configured destination");
    }

    @Test
    void movescu_unknownMoveDestination_refusedA801() throws Exception {
        Run move = run(concat("movescu", studyLevel("HOSPITAL_A", "-aem", "NOT_CONFIGURED")));
        assertTrue(move.output().contains("Refused: MoveDestinationUnknown"), () -> "expected A801:\n" + move.output());
    }

    @Test
    void unknownCallingAe_rejectedAtAssociation() throws Exception {
        Run echo = run("echoscu", "-v", "-aet", "STRANGER", "-aec", "EXCHANGE", HOST, dimsePort());
        assertNotEquals(0, echo.exitCode(), echo.output());
        assertTrue(echo.output().contains("Association Rejected"), () -> "rejected with a reason:\n" + echo.output());
    }

    private static void awaitListening(String aeTitle, String port) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (run("echoscu", "-aec", aeTitle, HOST, port).exitCode() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("storescp did not start on " + port);
    }
}
