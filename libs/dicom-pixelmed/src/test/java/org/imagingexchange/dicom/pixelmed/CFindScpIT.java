package org.imagingexchange.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.net.CFindScpHandler;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.DimseScp;
import org.imagingexchange.dicom.net.QueryRetrieveLevel;
import org.imagingexchange.dicom.net.QueryRetrieveModel;
import org.junit.jupiter.api.Test;

/** C-FIND SCP of the PixelMed node against DCMTK findscu on loopback: one test per outcome. */
class CFindScpIT {

    private static final String HOST = "127.0.0.1";

    private static Dcmtk.Run findscu(Path out, String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("-v", "-S", "-aet", "FINDSCU", "-aec", "EXCHANGE", "-X", "-od",
                out.toString()));
        for (String k : keys) {
            args.add("-k");
            args.add(k);
        }
        args.add(HOST);
        args.add(String.valueOf(TestNode.scpPort()));
        return Dcmtk.run("findscu", args.toArray(String[]::new));
    }

    private static Path workDir() throws Exception {
        return Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work"),
                "find-" + System.nanoTime()));
    }

    private static DicomDataset studyMatch(String sample) throws Exception {
        try (InputStream in = Files.newInputStream(Samples.demo(sample))) {
            DicomDataset header = new PixelMedPart10Reader().readHeader(in);
            return new DicomDataset().putString(DicomAttribute.QUERY_RETRIEVE_LEVEL, "STUDY")
                    .putString(DicomAttribute.STUDY_INSTANCE_UID, header.getString(DicomAttribute.STUDY_INSTANCE_UID))
                    .putString(DicomAttribute.PATIENT_NAME, header.getString(DicomAttribute.PATIENT_NAME));
        }
    }

    @Test
    void find_twoMatches_pendingResponsesThenSuccess() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        DicomDataset ct = studyMatch("CT_small.dcm");
        DicomDataset ideographic = new DicomDataset().putString(DicomAttribute.QUERY_RETRIEVE_LEVEL, "STUDY")
                .putString(DicomAttribute.STUDY_INSTANCE_UID, "1.2.392.200036.9116.2.2.2.1762893313.1029997326.945873")
                .putString(DicomAttribute.PATIENT_NAME, "Wang^XiaoDong=王^小東");
        CFindScpHandler handler = (a, model, level, keys) -> {
            asked.add(model + "/" + level + "/" + keys.getString(DicomAttribute.PATIENT_NAME));
            return Stream.of(ct, ideographic);
        };
        Path out = workDir();
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, handler, null, null))) {
            Dcmtk.Run run = findscu(out, "QueryRetrieveLevel=STUDY", "PatientName=Wang*", "StudyInstanceUID");
            assertTrue(run.output().contains("Received Final Find Response (Success)"), run.output());
            assertTrue(run.output().contains("Received Find Response 2 (Pending)"), () -> "two pending responses:\n" + run.output());
        }
        assertEquals(List.of("STUDY_ROOT/STUDY/Wang*"), asked, "the handler sees model, level and keys");
        Dcmtk.Run dump = Dcmtk.run("dcmdump", "+U8", out.resolve("rsp0002.dcm").toString());
        assertTrue(dump.output().contains("王^小東"), () -> "the ideographic name arrives intact:\n" + dump.output());
        assertTrue(dump.output().contains("ISO_IR 192"), "UTF-8 declared in Specific Character Set");
    }

    @Test
    void find_noMatch_successWithoutPending() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, (a, m, l, k) -> Stream.empty(), null, null))) {
            Dcmtk.Run run = findscu(workDir(), "QueryRetrieveLevel=STUDY", "StudyInstanceUID=1.2.3");
            assertTrue(run.output().contains("Received Final Find Response (Success)"), run.output());
            assertTrue(!run.output().contains("(Pending)"), () -> "no pending response:\n" + run.output());
        }
    }

    @Test
    void find_patientRootModel_handlerSeesPatientRoot() throws Exception {
        List<QueryRetrieveModel> models = new CopyOnWriteArrayList<>();
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, (a, m, l, k) -> {
            models.add(m);
            return Stream.empty();
        }, null, null))) {
            Dcmtk.Run run = Dcmtk.run("findscu", "-v", "-P", "-aet", "FINDSCU", "-aec", "EXCHANGE",
                    "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID", HOST, String.valueOf(TestNode.scpPort()));
            assertTrue(run.output().contains("(Success)"), run.output());
        }
        assertEquals(List.of(QueryRetrieveModel.PATIENT_ROOT), models);
    }

    @Test
    void find_missingQueryRetrieveLevel_identifierDoesNotMatchA900() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, (a, m, l, k) -> Stream.empty(), null, null))) {
            Dcmtk.Run run = findscu(workDir(), "StudyInstanceUID");
            assertTrue(run.output().contains("Received Final Find Response (Error: DataSetDoesNotMatchSOPClass)"),
                    () -> "expected A900:\n" + run.output());
        }
    }

    @Test
    void find_handlerOutOfResources_statusA700() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, (a, m, l, k) -> {
            throw new DimseException(DimseStatus.REFUSED_OUT_OF_RESOURCES, "busy");
        }, null, null))) {
            Dcmtk.Run run = findscu(workDir(), "QueryRetrieveLevel=STUDY", "StudyInstanceUID");
            assertTrue(run.output().contains("Received Final Find Response (Refused: OutOfResources)"),
                    () -> "expected A700:\n" + run.output());
        }
    }

    @Test
    void find_handlerFails_unableToProcessC000() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, (a, m, l, k) -> {
            throw new IllegalStateException("registry down");
        }, null, null))) {
            Dcmtk.Run run = findscu(workDir(), "QueryRetrieveLevel=STUDY", "StudyInstanceUID");
            assertTrue(run.output().contains("Received Final Find Response (Failed: UnableToProcess)"),
                    () -> "expected C000:\n" + run.output());
        }
    }

    @Test
    void find_noFindHandler_sopClassNotSupported0122() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, null, null, null))) {
            Dcmtk.Run run = findscu(workDir(), "QueryRetrieveLevel=STUDY", "StudyInstanceUID");
            assertTrue(run.output().contains("Received Final Find Response (Refused: SOPClassNotSupported)"),
                    () -> "expected 0122:\n" + run.output());
        }
    }

    @Test
    void find_levelParsed_seriesLevelHandedOn() throws Exception {
        List<QueryRetrieveLevel> levels = new CopyOnWriteArrayList<>();
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, (a, m, l, k) -> {
            levels.add(l);
            return Stream.empty();
        }, null, null))) {
            findscu(workDir(), "QueryRetrieveLevel=SERIES", "StudyInstanceUID=1.2.3", "SeriesInstanceUID");
        }
        assertEquals(List.of(QueryRetrieveLevel.SERIES), levels);
    }

    @Test
    void find_cancelAfterFirstMatch_noFurtherMatchesAndCancelStatus() throws Exception {
        java.util.concurrent.CountDownLatch cancelSent = new java.util.concurrent.CountDownLatch(1);
        DicomDataset match = new DicomDataset().putString(DicomAttribute.STUDY_INSTANCE_UID, "1.2.3");
        // Matches after the first wait until findscu has sent its C-CANCEL-RQ (bounded, so a miss cannot hang).
        Stream<DicomDataset> matches = Stream.iterate(0, i -> i < 50, i -> i + 1).map(i -> {
            if (i > 0) {
                try {
                    cancelSent.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return match;
        });
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, (a, m, l, k) -> matches, null, null))) {
            Dcmtk.Run run = Dcmtk.runSignalling("Sending Cancel Request", cancelSent, "findscu", "-v", "-S",
                    "-aet", "FINDSCU", "-aec", "EXCHANGE", "--cancel", "1", "-k", "QueryRetrieveLevel=STUDY",
                    "-k", "StudyInstanceUID", HOST, String.valueOf(TestNode.scpPort()));
            assertTrue(run.output().contains("Received Final Find Response (Cancel"), () -> "expected FE00:\n" + run.output());
            assertTrue(!run.output().contains("Received Find Response 10 "), () -> "matches stop at the cancel:\n" + run.output());
        }
    }
}
