package org.imagingexchange.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.imagingexchange.dicom.AeTitle;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.PersonName;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.DimseScp;
import org.imagingexchange.dicom.net.DimseTransportException;
import org.imagingexchange.dicom.net.InstanceHeader;
import org.imagingexchange.dicom.net.QueryRetrieveModel;
import org.imagingexchange.dicom.net.ReceivedInstance;
import org.imagingexchange.dicom.net.RemoteAe;
import org.imagingexchange.dicom.net.TransferResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PixelMed SCUs against Orthanc as archive (C-ECHO, C-FIND, C-GET, C-MOVE, C-STORE) and Orthanc
 * as C-STORE sender to the PixelMed SCP, all on loopback.
 */
class OrthancPeerIT {

    private static final String HOST = "127.0.0.1";
    private static OrthancPeer orthanc;
    private static RemoteAe archive;
    private static final List<String> orthancIds = new ArrayList<>();
    private final PixelMedDimseScu scu = new PixelMedDimseScu(new AeTitle("EXCHANGE_SCU"));

    @BeforeAll
    static void startArchive() throws Exception {
        orthanc = OrthancPeer.start(TestNode.scpPort());
        archive = new RemoteAe(new AeTitle(OrthancPeer.AET), HOST, orthanc.dicomPort());
        for (Path f : List.of(Samples.demo("CT_small.dcm"), Samples.demo("JPEG2000.dcm"), Samples.demo("brain_002.dcm"),
                Samples.demo("brain_003.dcm"), Samples.demo("brain_004.dcm"), Samples.charsets().resolve("chrH31.dcm"),
                Samples.charsets().resolve("chrX2.dcm"))) {
            orthancIds.add(orthanc.upload(f));
        }
    }

    @AfterAll
    static void stopArchive() throws Exception {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    private static DicomDataset header(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new PixelMedPart10Reader().readHeader(in);
        }
    }

    private static DicomDataset studyKeys(String studyInstanceUid) {
        return new DicomDataset().putString(DicomAttribute.QUERY_RETRIEVE_LEVEL, "STUDY")
                .putString(DicomAttribute.STUDY_INSTANCE_UID, studyInstanceUid);
    }

    @Test
    void echo_orthanc_success() throws Exception {
        scu.echo(archive);
    }

    @Test
    void echo_nothingListening_transportFailure() {
        RemoteAe nobody = new RemoteAe(new AeTitle("NOBODY"), HOST, TestNode.portBase() + 98);
        assertThrows(DimseTransportException.class, () -> scu.echo(nobody));
    }

    @Test
    void find_studyLevel_matchesWithDecodedIdeographicNames() throws Exception {
        List<DicomDataset> matches = new ArrayList<>();
        DicomDataset keys = new DicomDataset().putString(DicomAttribute.QUERY_RETRIEVE_LEVEL, "STUDY")
                .putString(DicomAttribute.STUDY_INSTANCE_UID).putString(DicomAttribute.PATIENT_NAME)
                .putString(DicomAttribute.PATIENT_ID);
        DimseStatus status = scu.find(archive, QueryRetrieveModel.STUDY_ROOT, keys, matches::add);
        assertEquals(DimseStatus.SUCCESS, status);
        String ctStudy = header(Samples.demo("CT_small.dcm")).getString(DicomAttribute.STUDY_INSTANCE_UID);
        assertTrue(matches.stream().anyMatch(m -> ctStudy.equals(m.getString(DicomAttribute.STUDY_INSTANCE_UID))),
                () -> "the CT study is found among " + matches.size());
        PersonName yamada = matches.stream().map(m -> m.getPersonName(DicomAttribute.PATIENT_NAME))
                .flatMap(java.util.Optional::stream).filter(p -> "Yamada^Tarou".equals(p.alphabetic()))
                .findFirst().orElseThrow(() -> new AssertionError("ISO 2022 IR 87 name not found: " + matches));
        assertEquals("山田^太郎", yamada.ideographic());
        assertEquals("やまだ^たろう", yamada.phonetic());
    }

    @Test
    void find_imageLevel_threeInstancesOfTheBrainSeries() throws Exception {
        DicomDataset brain = header(Samples.demo("brain_002.dcm"));
        DicomDataset keys = new DicomDataset().putString(DicomAttribute.QUERY_RETRIEVE_LEVEL, "IMAGE")
                .putString(DicomAttribute.STUDY_INSTANCE_UID, brain.getString(DicomAttribute.STUDY_INSTANCE_UID))
                .putString(DicomAttribute.SERIES_INSTANCE_UID, brain.getString(DicomAttribute.SERIES_INSTANCE_UID))
                .putString(DicomAttribute.SOP_INSTANCE_UID);
        List<String> uids = new ArrayList<>();
        scu.find(archive, QueryRetrieveModel.STUDY_ROOT, keys, m -> uids.add(m.getString(DicomAttribute.SOP_INSTANCE_UID)));
        assertEquals(3, uids.size(), () -> "three brain instances, got " + uids);
        assertTrue(uids.contains(brain.getString(DicomAttribute.SOP_INSTANCE_UID)));
    }

    @Test
    void find_consumerFails_exceptionRethrownAfterAssociation() {
        DicomDataset keys = new DicomDataset().putString(DicomAttribute.QUERY_RETRIEVE_LEVEL, "STUDY")
                .putString(DicomAttribute.STUDY_INSTANCE_UID);
        assertThrows(IllegalStateException.class, () -> scu.find(archive, QueryRetrieveModel.STUDY_ROOT, keys, m -> {
            throw new IllegalStateException("index full");
        }));
    }

    @Test
    void get_study_instancesDeliveredAsStoredWithTheirUids() throws Exception {
        DicomDataset brain = header(Samples.demo("brain_002.dcm"));
        List<String> uids = new CopyOnWriteArrayList<>();
        List<Long> sizes = new CopyOnWriteArrayList<>();
        TransferResult result = scu.get(archive, QueryRetrieveModel.STUDY_ROOT,
                studyKeys(brain.getString(DicomAttribute.STUDY_INSTANCE_UID)), (ReceivedInstance i) -> {
                    uids.add(i.sopInstanceUid());
                    sizes.add((long) i.part10().readAllBytes().length);
                });
        assertEquals(DimseStatus.SUCCESS, result.status(), result::toString);
        assertEquals(3, result.completed(), result::toString);
        assertEquals(3, uids.size());
        assertTrue(uids.contains(brain.getString(DicomAttribute.SOP_INSTANCE_UID)));
        assertTrue(sizes.stream().allMatch(s -> s > 100_000), () -> "whole Part 10 files with pixels: " + sizes);
    }

    @Test
    void get_compressedStudy_arrivesInJpeg2000() throws Exception {
        DicomDataset j2k = header(Samples.demo("JPEG2000.dcm"));
        List<String> syntaxes = new CopyOnWriteArrayList<>();
        scu.get(archive, QueryRetrieveModel.STUDY_ROOT, studyKeys(j2k.getString(DicomAttribute.STUDY_INSTANCE_UID)),
                i -> syntaxes.add(i.transferSyntaxUid()));
        assertEquals(List.of("1.2.840.10008.1.2.4.91"), syntaxes, "JPEG 2000 kept, not decompressed");
    }

    @Test
    void get_noSuchStudy_archiveFailureStatusSurfaced() {
        // Orthanc answers C000 (unable to process) for a study it does not hold.
        DimseException e = assertThrows(DimseException.class, () -> scu.get(archive, QueryRetrieveModel.STUDY_ROOT,
                studyKeys("1.2.3.999"), i -> {
                    throw new AssertionError("nothing expected");
                }));
        assertEquals(DimseStatus.UNABLE_TO_PROCESS.code(), e.statusCode(), e::getMessage);
    }

    @Test
    void move_studyToOurScp_headersArrive() throws Exception {
        DicomDataset brain = header(Samples.demo("brain_002.dcm"));
        List<InstanceHeader> received = new CopyOnWriteArrayList<>();
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config((a, h) -> {
            received.add(h);
            return DimseStatus.SUCCESS;
        }, null, null, null))) {
            TransferResult result = scu.move(archive, QueryRetrieveModel.STUDY_ROOT,
                    studyKeys(brain.getString(DicomAttribute.STUDY_INSTANCE_UID)), TestNode.EXCHANGE);
            assertEquals(DimseStatus.SUCCESS, result.status());
        }
        assertEquals(3, received.size(), "Orthanc sent the three instances to our SCP");
        assertTrue(received.stream().allMatch(h -> brain.getString(DicomAttribute.STUDY_INSTANCE_UID)
                .equals(h.attributes().getString(DicomAttribute.STUDY_INSTANCE_UID))));
    }

    @Test
    void move_unknownDestination_failureStatus() {
        DimseException e = assertThrows(DimseException.class, () -> scu.move(archive, QueryRetrieveModel.STUDY_ROOT,
                studyKeys(header(Samples.demo("CT_small.dcm")).getString(DicomAttribute.STUDY_INSTANCE_UID)),
                new AeTitle("NOWHERE")));
        assertEquals(DimseStatus.Category.FAILURE, DimseStatus.categoryOf(e.statusCode()), e::getMessage);
    }

    @Test
    void store_samplesIntoOrthanc_completedAndFindable() throws Exception {
        TransferResult result = scu.store(archive, List.of(Samples.demo("rtdose.dcm"), Samples.demo("SC_rgb_rle.dcm")));
        assertEquals(2, result.completed(), result::toString);
        assertEquals(0, result.failed(), result::toString);
        DicomDataset rle = header(Samples.demo("SC_rgb_rle.dcm"));
        DicomDataset keys = new DicomDataset().putString(DicomAttribute.QUERY_RETRIEVE_LEVEL, "IMAGE")
                .putString(DicomAttribute.STUDY_INSTANCE_UID, rle.getString(DicomAttribute.STUDY_INSTANCE_UID))
                .putString(DicomAttribute.SERIES_INSTANCE_UID, rle.getString(DicomAttribute.SERIES_INSTANCE_UID))
                .putString(DicomAttribute.SOP_INSTANCE_UID, rle.getString(DicomAttribute.SOP_INSTANCE_UID));
        List<DicomDataset> found = new ArrayList<>();
        scu.find(archive, QueryRetrieveModel.STUDY_ROOT, keys, found::add);
        assertEquals(1, found.size(), "the stored RLE instance is in Orthanc");
    }

    @Test
    void orthancAsStoreSender_allInstancesHeadersArrive() throws Exception {
        List<InstanceHeader> received = new CopyOnWriteArrayList<>();
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config((a, h) -> {
            received.add(h);
            return DimseStatus.SUCCESS;
        }, null, null, null))) {
            assertEquals(200, orthanc.storeToExchange(orthancIds), "Orthanc's C-STORE job succeeds");
        }
        assertEquals(orthancIds.size(), received.size(), "one header per instance Orthanc sent");
        assertTrue(received.stream().anyMatch(h -> h.attributes().getPersonName(DicomAttribute.PATIENT_NAME)
                .map(p -> "王^小东".equals(p.ideographic())).orElse(false)), "GB18030 name decoded");
    }

    @Test
    void orthancAsStoreSender_notAnAcceptedCaller_rejectedAndNothingArrives() throws Exception {
        List<InstanceHeader> received = new CopyOnWriteArrayList<>();
        var config = new org.imagingexchange.dicom.net.DimseScpConfig(TestNode.EXCHANGE, HOST, TestNode.scpPort(),
                java.util.Set.of(new AeTitle("STORESCU")), java.util.Map.of(), (a, h) -> {
                    received.add(h);
                    return DimseStatus.SUCCESS;
                }, null, null, null);
        try (DimseScp scp = PixelMedDimseScp.start(config)) {
            int status = orthanc.storeToExchange(orthancIds.subList(0, 1));
            assertTrue(status >= 400, () -> "Orthanc reports the rejected association, HTTP " + status);
        }
        assertTrue(received.isEmpty());
    }
}
