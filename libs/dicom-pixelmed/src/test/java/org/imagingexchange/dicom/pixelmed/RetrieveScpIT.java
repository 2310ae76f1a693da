package org.imagingexchange.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.net.CGetScpHandler;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.DimseScp;
import org.imagingexchange.dicom.net.DimseScpConfig;
import org.imagingexchange.dicom.net.RetrievableInstance;
import org.junit.jupiter.api.Test;

/**
 * C-GET and C-MOVE SCP of the PixelMed node against DCMTK getscu and movescu, with DCMTK storescp as
 * the C-MOVE destination, on loopback: one test per outcome.
 */
class RetrieveScpIT {

    private static final String HOST = "127.0.0.1";

    private static Path workDir(String name) throws Exception {
        return Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work"),
                name + "-" + System.nanoTime()));
    }

    private static RetrievableInstance sample(String name) throws Exception {
        Path file = Samples.demo(name);
        try (InputStream in = Files.newInputStream(file)) {
            return TestNode.file(file, new PixelMedPart10Reader().readHeader(in).getString(DicomAttribute.SOP_INSTANCE_UID));
        }
    }

    private static List<String> receivedSopInstanceUids(Path dir) throws Exception {
        List<String> uids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    uids.add(new PixelMedPart10Reader().readHeader(in).getString(DicomAttribute.SOP_INSTANCE_UID));
                }
            }
        }
        return uids.stream().sorted().toList();
    }

    private static String[] retrieveArgs(String tool, String aet, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("-v", "-S", "-aet", aet, "-aec", "EXCHANGE"));
        if (out != null) {
            args.addAll(List.of("-od", out.toString()));
        }
        args.addAll(List.of(extra));
        args.addAll(List.of("-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=1.2.3.4", HOST,
                String.valueOf(TestNode.scpPort())));
        return args.toArray(String[]::new);
    }

    @Test
    void get_twoInstances_storedBackOnTheSameAssociation() throws Exception {
        RetrievableInstance ct = sample("CT_small.dcm");
        RetrievableInstance mr = sample("MR_small.dcm");
        List<String> keys = new ArrayList<>();
        CGetScpHandler handler = (a, m, l, k) -> {
            keys.add(l + "/" + k.getString(DicomAttribute.STUDY_INSTANCE_UID));
            return List.of(ct, mr);
        };
        Path out = workDir("get");
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, null, handler, null))) {
            Dcmtk.Run run = Dcmtk.run("getscu", retrieveArgs("getscu", "GETSCU", out));
            assertTrue(run.output().contains("Received C-GET Response (Success)"), run.output());
            assertTrue(run.output().contains("Number of Completed Suboperations : 2"), run.output());
        }
        assertEquals(List.of("STUDY/1.2.3.4"), keys);
        assertEquals(List.of(ct.sopInstanceUid(), mr.sopInstanceUid()).stream().sorted().toList(),
                receivedSopInstanceUids(out), "getscu received both instances");
    }

    @Test
    void get_compressedInstance_sentInItsTransferSyntax() throws Exception {
        RetrievableInstance j2k = sample("JPEG2000.dcm");
        Path out = workDir("get-j2k");
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, null, (a, m, l, k) -> List.of(j2k), null))) {
            Dcmtk.Run run = Dcmtk.run("getscu", retrieveArgs("getscu", "GETSCU", out, "+xw"));
            assertEquals(0, run.exitCode(), run.output());
        }
        assertEquals(List.of(j2k.sopInstanceUid()), receivedSopInstanceUids(out));
        Dcmtk.Run meta = Dcmtk.run("dcmdump", "-M", "+P", "0002,0010", Files.list(out).findFirst().orElseThrow().toString());
        assertTrue(meta.output().contains("JPEG2000"), () -> "not decompressed on the way:\n" + meta.output());
    }

    @Test
    void get_noMatch_successWithNothingSent() throws Exception {
        Path out = workDir("get-none");
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, null, (a, m, l, k) -> List.of(), null))) {
            Dcmtk.Run run = Dcmtk.run("getscu", retrieveArgs("getscu", "GETSCU", out));
            assertEquals(0, run.exitCode(), run.output());
        }
        assertTrue(receivedSopInstanceUids(out).isEmpty());
    }

    @Test
    void get_handlerRefuses_statusA701() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, null, (a, m, l, k) -> {
            throw new DimseException(DimseStatus.REFUSED_OUT_OF_RESOURCES_NUMBER_OF_MATCHES, "too many");
        }, null))) {
            Dcmtk.Run run = Dcmtk.run("getscu", retrieveArgs("getscu", "GETSCU", workDir("get-a701")));
            assertTrue(run.output().toLowerCase().contains("a701") || run.output().contains("OutOfResourcesNumberOfMatches"),
                    () -> "expected A701:\n" + run.output());
        }
    }

    @Test
    void move_toConfiguredStorescp_instancesArrive() throws Exception {
        RetrievableInstance ct = sample("CT_small.dcm");
        RetrievableInstance rle = sample("SC_rgb_rle.dcm");
        Path out = workDir("move");
        Dcmtk.Run run = moveToStorescp(out, TestNode.config(null, null, null, (a, m, l, k) -> List.of(ct, rle)),
                "-aem", "STORESCP");
        assertTrue(run.output().contains("Received Final Move Response (Success)"), run.output());
        assertEquals(List.of(ct.sopInstanceUid(), rle.sopInstanceUid()).stream().sorted().toList(),
                receivedSopInstanceUids(out), "storescp received both instances");
    }

    @Test
    void move_unknownDestination_refusedA801() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, null, null, (a, m, l, k) -> List.of()))) {
            Dcmtk.Run run = Dcmtk.run("movescu", retrieveArgs("movescu", "MOVESCU", null, "-aem", "NOWHERE"));
            assertTrue(run.output().contains("Refused: MoveDestinationUnknown"), () -> "expected A801:\n" + run.output());
        }
    }

    @Test
    void move_destinationIsCallerButNotConfigured_refusedA801WithoutGuessing() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, null, null, (a, m, l, k) -> List.of()))) {
            Dcmtk.Run run = Dcmtk.run("movescu", retrieveArgs("movescu", "MOVESCU", null, "-aem", "MOVESCU"));
            assertTrue(run.output().contains("Refused: MoveDestinationUnknown"), () -> "expected A801:\n" + run.output());
        }
    }

    @Test
    void move_unreachableDestination_everySubOperationFailedA702() throws Exception {
        RetrievableInstance ct = sample("CT_small.dcm");
        // STORESCP is configured but nothing listens on its port in this test.
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, null, null, (a, m, l, k) -> List.of(ct)))) {
            Dcmtk.Run run = Dcmtk.run("movescu", retrieveArgs("movescu", "MOVESCU", null, "-aem", "STORESCP"));
            assertTrue(run.output().contains("Final Move Response (Refused: OutOfResourcesSubOperations)"),
                    () -> "expected A702:\n" + run.output());
        }
    }

    @Test
    void get_oneInstanceUnavailable_b000WithOneFailed() throws Exception {
        RetrievableInstance ct = sample("CT_small.dcm");
        RetrievableInstance gone = TestNode.file(Path.of("does-not-exist.dcm"), "1.2.3.4.5.6");
        Path out = workDir("get-partial");
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, null, (a, m, l, k) -> List.of(ct, gone), null))) {
            Dcmtk.Run run = Dcmtk.run("getscu", retrieveArgs("getscu", "GETSCU", out));
            assertTrue(run.output().contains("Warning: SubOperationsCompleteOneOrMoreFailures")
                    || run.output().contains("B000"), () -> "expected B000:\n" + run.output());
            assertTrue(run.output().contains("Number of Completed Suboperations : 1"), run.output());
            assertTrue(run.output().contains("Number of Failed Suboperations    : 1"), run.output());
        }
        assertEquals(List.of(ct.sopInstanceUid()), receivedSopInstanceUids(out));
    }

    @Test
    void move_instancesUnavailable_countedAsFailed() throws Exception {
        RetrievableInstance ct = sample("CT_small.dcm");
        RetrievableInstance gone = TestNode.file(Path.of("does-not-exist.dcm"), "1.2.3.4.5.6");
        Path out = workDir("move-partial");
        Dcmtk.Run run = moveToStorescp(out, TestNode.config(null, null, null, (a, m, l, k) -> List.of(ct, gone)),
                "-aem", "STORESCP");
        assertTrue(run.output().contains("Final Move Response (Warning: SubOperationsCompleteOneOrMoreFailures)"),
                () -> "expected B000:\n" + run.output());
    }

    @Test
    void move_cancelAfterFirstPendingResponse_cancelStatusWithRemaining() throws Exception {
        RetrievableInstance ct = sample("CT_small.dcm");
        List<RetrievableInstance> many = java.util.Collections.nCopies(40, ct);
        Path out = workDir("move-cancel");
        Dcmtk.Run run = moveToStorescp(out, TestNode.config(null, null, null, (a, m, l, k) -> many),
                "-aem", "STORESCP", "--cancel", "1");
        assertTrue(run.output().contains("Received Final Move Response (Cancel"), () -> "expected FE00:\n" + run.output());
        assertTrue(!run.output().contains("Move Response 40 "), () -> "sub-operations stop at the cancel:\n" + run.output());
    }

    /**
     * Runs movescu against an SCP with the handler while DCMTK storescp (the configured destination STORESCP)
     * receives into {@code out}; movescu starts once storescp answers a C-ECHO.
     */
    private static Dcmtk.Run moveToStorescp(Path out, DimseScpConfig config, String... moveArgs) throws Exception {
        Process storescp = Dcmtk.start("storescp", "+xa", "-aet", "STORESCP", "-od", out.toString(),
                String.valueOf(TestNode.storescpPort()));
        try (DimseScp scp = PixelMedDimseScp.start(config)) {
            for (int i = 0; i < 100; i++) {
                if (Dcmtk.run("echoscu", "-aec", "STORESCP", HOST, String.valueOf(TestNode.storescpPort())).exitCode() == 0) {
                    return Dcmtk.run("movescu", retrieveArgs("movescu", "MOVESCU", null, moveArgs));
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("storescp did not start");
        } finally {
            storescp.destroy();
            storescp.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void move_handlerFails_unableToProcessC000() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, null, null, (a, m, l, k) -> {
            throw new IllegalStateException("source archive down");
        }))) {
            Dcmtk.Run run = Dcmtk.run("movescu", retrieveArgs("movescu", "MOVESCU", null, "-aem", "STORESCP"));
            assertTrue(run.output().contains("Failed: UnableToProcess"), () -> "expected C000:\n" + run.output());
        }
    }
}
