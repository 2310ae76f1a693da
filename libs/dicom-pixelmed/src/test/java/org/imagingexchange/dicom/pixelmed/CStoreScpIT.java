package org.imagingexchange.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.imagingexchange.dicom.AeTitle;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.net.CStoreScpHandler;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.DimseScp;
import org.imagingexchange.dicom.net.InstanceHeader;
import org.imagingexchange.dicom.net.RemoteAe;
import org.imagingexchange.dicom.net.TransferResult;
import org.junit.jupiter.api.Test;

/** C-STORE SCP of the PixelMed node against DCMTK storescu on loopback: one test per outcome. */
class CStoreScpIT {

    private static final String HOST = "127.0.0.1";

    private final List<InstanceHeader> received = new CopyOnWriteArrayList<>();
    private final CStoreScpHandler recording = (a, h) -> {
        received.add(h);
        return DimseStatus.SUCCESS;
    };

    private static Dcmtk.Run storescu(String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("-v", "-aet", "STORESCU", "-aec", "EXCHANGE"));
        List<String> files = new java.util.ArrayList<>();
        for (String o : options) {
            (o.startsWith("/") ? files : args).add(o);
        }
        args.add(HOST);
        args.add(String.valueOf(TestNode.scpPort()));
        args.addAll(files);
        return Dcmtk.run("storescu", args.toArray(String[]::new));
    }

    @Test
    void store_uncompressedSamples_headersHandedOnWithoutPixels() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(recording, null, null, null))) {
            Dcmtk.Run run = storescu(Samples.demo("CT_small.dcm").toString(), Samples.demo("MR_small.dcm").toString(),
                    Samples.demo("rtplan.dcm").toString());
            assertEquals(0, run.exitCode(), () -> "storescu should succeed:\n" + run.output());
        }
        assertEquals(3, received.size(), "one header per stored instance");
        InstanceHeader ct = received.stream().filter(h -> "CompressedSamples^CT1".equals(
                h.attributes().getString(DicomAttribute.PATIENT_NAME))).findFirst().orElseThrow();
        assertEquals("STORESCU", ct.attributes().getString(DicomAttribute.SOURCE_APPLICATION_ENTITY_TITLE));
        assertFalse(ct.attributes().contains(DicomAttribute.PIXEL_DATA.tag()), "pixel data must not be handed on");
        assertEquals(ct.sopInstanceUid(), ct.attributes().getString(DicomAttribute.SOP_INSTANCE_UID));
        assertEquals("1.2.840.10008.5.1.4.1.1.2", ct.sopClassUid(), "CT Image Storage");
    }

    @Test
    void store_compressedSamples_acceptedInTheirTransferSyntax() throws Exception {
        // storescu proposes the file's own (compressed) transfer syntax with these options.
        Map<String, String> files = Map.ofEntries(Map.entry("JPEG2000.dcm", "-xw"), Map.entry("693_J2KI.dcm", "-xw"),
                Map.entry("GDCMJ2K_TextGBR.dcm", "-xv"), Map.entry("JPEG-lossy.dcm", "-xx"),
                Map.entry("SC_rgb_jpeg_dcmtk.dcm", "-xy"), Map.entry("SC_rgb_rle.dcm", "-xr"),
                Map.entry("jpeg_ls.dcm", "-xu"),
                Map.entry("jpeg_lossless_sel1.dcm", "-xs"), Map.entry("jpeg_baseline_8bit.dcm", "-xy"),
                Map.entry("image_dfl.dcm", "-xd"), Map.entry("explicit_big.dcm", "-xb"));
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(recording, null, null, null))) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Dcmtk.Run run = storescu(f.getValue(), Samples.demo(f.getKey()).toString());
                assertTrue(run.output().contains("Received Store Response (Success)"),
                        () -> f + " should be stored:\n" + run.output());
            }
        }
        assertEquals(files.size(), received.size(), "every compressed sample handed on");
        for (String ts : List.of("1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.51",
                "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.70",
                "1.2.840.10008.1.2.2")) {
            assertTrue(received.stream().anyMatch(h -> ts.equals(h.transferSyntaxUid())),
                    () -> "an instance arrives in transfer syntax " + ts + " (not decompressed)");
        }
        assertTrue(received.stream().allMatch(h -> !h.attributes().contains(DicomAttribute.PIXEL_DATA.tag())));
    }

    @Test
    void store_brokenSampleFiles_dcmtkRefusesToSendAndNothingHandedOn() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(recording, null, null, null))) {
            for (String f : List.of("MR_truncated.dcm", "rtplan_truncated.dcm", "no_meta.dcm", "empty_charset_LEI.dcm")) {
                Dcmtk.Run run = storescu(Samples.broken().resolve(f).toString());
                assertNotEquals(0, run.exitCode(), () -> f + " is broken:\n" + run.output());
            }
        }
        assertTrue(received.isEmpty(), "nothing of a broken file may be handed on");
    }

    @Test
    void store_truncatedObjectOnTheWire_failureAndNothingHandedOn() throws Exception {
        // DCMTK will not put a truncated object on the wire; PixelMed's SCU copies the file's bytes as they are.
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(recording, null, null, null))) {
            TransferResult result = new PixelMedDimseScu(new AeTitle("EXCHANGE_SCU")).store(
                    new RemoteAe(TestNode.EXCHANGE, HOST, TestNode.scpPort()),
                    List.of(Samples.broken().resolve("MR_truncated.dcm"), Samples.demo("CT_small.dcm")));
            assertEquals(1, result.completed(), () -> "the complete CT is stored: " + result);
            assertEquals(1, result.failed(), () -> "the truncated MR fails: " + result);
        }
        assertEquals(1, received.size(), "only the complete object is handed on");
        assertEquals("CompressedSamples^CT1", received.get(0).attributes().getString(DicomAttribute.PATIENT_NAME));
    }

    @Test
    void store_invalidSopInstanceUid_dataSetDoesNotMatchA900() throws Exception {
        Path bad = Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")))
                .resolve("invalid-uid-" + System.nanoTime() + ".dcm");
        Files.copy(Samples.demo("MR_small.dcm"), bad);
        Dcmtk.Run modify = Dcmtk.run("dcmodify", "-nb", "-m", "(0008,0018)=1.2.03.4", bad.toString());
        assertEquals(0, modify.exitCode(), modify.output());
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(recording, null, null, null))) {
            Dcmtk.Run run = storescu(bad.toString());
            assertTrue(run.output().contains("Error: DataSetDoesNotMatchSOPClass"),
                    () -> "expected status A900:\n" + run.output());
        }
        assertTrue(received.isEmpty(), "an object with an invalid SOP Instance UID must not be handed on");
    }

    @Test
    void store_handlerRefusesOutOfResources_statusA700() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config((a, h) -> {
            throw new DimseException(DimseStatus.REFUSED_OUT_OF_RESOURCES, "full");
        }, null, null, null))) {
            Dcmtk.Run run = storescu(Samples.demo("CT_small.dcm").toString());
            assertTrue(run.output().contains("Refused: OutOfResources"), () -> "expected status A700:\n" + run.output());
        }
    }

    @Test
    void store_handlerCannotUnderstand_statusC000() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config((a, h) -> {
            throw new DimseException(DimseStatus.UNABLE_TO_PROCESS, "cannot understand");
        }, null, null, null))) {
            Dcmtk.Run run = storescu(Samples.demo("CT_small.dcm").toString());
            assertTrue(run.output().contains("Error: CannotUnderstand"), () -> "expected status C000:\n" + run.output());
        }
    }

    @Test
    void store_handlerWarns_statusB007() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(
                (a, h) -> DimseStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING, null, null, null))) {
            Dcmtk.Run run = storescu(Samples.demo("MR_small.dcm").toString());
            assertTrue(run.output().contains("Warning: DataSetDoesNotMatchSOPClass"),
                    () -> "expected status B007:\n" + run.output());
        }
    }

    @Test
    void store_noStoreHandler_statusSopClassNotSupported() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, null, null, null))) {
            Dcmtk.Run run = storescu(Samples.demo("MR_small.dcm").toString());
            assertTrue(run.output().contains("Refused: SOPClassNotSupported"),
                    () -> "expected status 0122:\n" + run.output());
        }
    }

    @Test
    void store_handlerSeesCallingAe_associationInfoPassed() throws Exception {
        List<String> callers = new CopyOnWriteArrayList<>();
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config((a, h) -> {
            callers.add(a.callingAeTitle().value() + "->" + a.calledAeTitle().value() + "@" + a.remoteHost());
            return DimseStatus.SUCCESS;
        }, null, null, null))) {
            assertEquals(0, storescu(Samples.demo("MR_small.dcm").toString()).exitCode());
        }
        assertEquals(List.of("STORESCU->EXCHANGE@127.0.0.1"), callers);
    }
}
