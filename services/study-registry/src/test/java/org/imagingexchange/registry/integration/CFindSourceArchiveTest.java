package org.imagingexchange.registry.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.imagingexchange.dicom.AeTitle;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.net.CFindScu;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.DimseTimeoutException;
import org.imagingexchange.dicom.net.DimseTransportException;
import org.imagingexchange.dicom.pixelmed.PixelMedDimseScu;
import org.imagingexchange.registry.config.SourceSettings;
import org.imagingexchange.registry.domain.SourceArchiveResponseException;
import org.imagingexchange.registry.domain.SourceArchiveUnavailableException;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudyManifest;
import org.imagingexchange.testsupport.SilentPeer;
import org.junit.jupiter.api.Test;

class CFindSourceArchiveTest {

    private static final SourceSettings LEGACY = new SourceSettings("legacy", "", "", "", "", "hospital-a",
            "LEGACY_PACS", "", "127.0.0.1", 4243);

    /** Answers STUDY-level queries with the given studies in archive order and records every identifier. */
    private static final class Archive implements CFindScu {
        final List<String> studyUids = new ArrayList<>();
        final List<DicomDataset> queries = new ArrayList<>();

        @Override
        public DimseStatus find(org.imagingexchange.dicom.net.RemoteAe remote,
                                org.imagingexchange.dicom.net.QueryRetrieveModel model, DicomDataset identifier,
                                java.util.function.Consumer<DicomDataset> onMatch) {
            queries.add(identifier);
            switch (identifier.getString(DicomAttribute.QUERY_RETRIEVE_LEVEL)) {
                case "STUDY" -> studyUids.forEach(uid -> onMatch.accept(new DicomDataset()
                        .putString(DicomAttribute.STUDY_INSTANCE_UID, uid).putString(DicomAttribute.PATIENT_ID, "77654033")
                        .putString(DicomAttribute.NUMBER_OF_STUDY_RELATED_INSTANCES, "2")));
                case "SERIES" -> {
                    onMatch.accept(new DicomDataset().putString(DicomAttribute.SERIES_INSTANCE_UID, "1.2.3.1")
                            .putString(DicomAttribute.MODALITY, "CR").putString(DicomAttribute.SERIES_NUMBER, "1"));
                    onMatch.accept(new DicomDataset().putString(DicomAttribute.SERIES_INSTANCE_UID, "1.2.3.2")
                            .putString(DicomAttribute.MODALITY, "CT"));
                }
                default -> {
                    String series = identifier.getString(DicomAttribute.SERIES_INSTANCE_UID);
                    onMatch.accept(new DicomDataset().putString(DicomAttribute.QUERY_RETRIEVE_LEVEL, "IMAGE")
                            .putString(DicomAttribute.SOP_INSTANCE_UID, series + ".7")
                            .putString(DicomAttribute.SOP_CLASS_UID, "1.2.840.10008.5.1.4.1.1.2")
                            .putString(DicomAttribute.INSTANCE_NUMBER, "7"));
                }
            }
            return DimseStatus.SUCCESS;
        }
    }

    @Test
    void studies_archiveOrder_pagedByStudyInstanceUid() {
        Archive archive = new Archive();
        archive.studyUids.addAll(List.of("1.2.9", "1.2.10", "1.2.1"));
        CFindSourceArchive source = new CFindSourceArchive(LEGACY, archive);
        assertEquals(List.of("1.2.1", "1.2.10"), uids(source.studies(0, 2)), "first page in Study Instance UID order");
        assertEquals(List.of("1.2.9"), uids(source.studies(2, 2)), "last page");
        assertEquals(1, archive.queries.size(), "one C-FIND lists the archive for the whole crawl");
        archive.studyUids.add("1.2.8");
        assertEquals(List.of("1.2.1", "1.2.10"), uids(source.studies(0, 2)));
        assertEquals(List.of("1.2.8", "1.2.9"), uids(source.studies(2, 2)));
        assertEquals(List.of(), uids(source.studies(4, 2)), "a full last page is followed by an empty one");
        assertEquals(2, archive.queries.size(), "listed once per crawl, also when the last page is full");
        assertEquals(2, source.studies(0, 2).get(0).numberOfInstances(), "the counts the archive reports");
    }

    @Test
    void studies_newCrawlOrResume_queriesTheArchiveAgain() {
        Archive archive = new Archive();
        archive.studyUids.addAll(List.of("1.2.1", "1.2.2", "1.2.3"));
        CFindSourceArchive source = new CFindSourceArchive(LEGACY, archive);
        source.studies(0, 2);
        archive.studyUids.add("1.2.0");
        assertEquals(List.of("1.2.0", "1.2.1"), uids(source.studies(0, 2)), "a crawl from offset 0 lists anew");
        CFindSourceArchive restarted = new CFindSourceArchive(LEGACY, archive);
        assertEquals(List.of("1.2.2", "1.2.3"), uids(restarted.studies(2, 2)), "a resumed crawl keeps the UID order");
    }

    @Test
    void contents_seriesThenImages_instancesCarryTheirSeries() {
        Archive archive = new Archive();
        List<StudyManifest.SeriesManifest> contents = new CFindSourceArchive(LEGACY, archive).contents("1.2.3");
        assertEquals(2, contents.size(), "both series");
        assertEquals("CR", contents.get(0).series().modality());
        assertEquals("1.2.3.1.7", contents.get(0).instances().get(0).sopInstanceUid());
        assertEquals(Integer.valueOf(7), contents.get(0).instances().get(0).instanceNumber());
        assertEquals(List.of("SERIES", "IMAGE", "IMAGE"), archive.queries.stream()
                .map(q -> q.getString(DicomAttribute.QUERY_RETRIEVE_LEVEL)).toList(), "hierarchical queries");
        assertEquals("1.2.3.2", archive.queries.get(2).getString(DicomAttribute.SERIES_INSTANCE_UID));
    }

    @Test
    void studies_noAssociation_is503() {
        CFindSourceArchive source = new CFindSourceArchive(LEGACY, (r, m, i, c) -> {
            throw new DimseTransportException("connection refused", null);
        });
        assertEquals(503, assertThrows(SourceArchiveUnavailableException.class, () -> source.studies(0, 10)).status());
    }

    /** A real SCU (read timeout 1 s) against a real silent peer: the crawl sees an unavailable source. */
    @Test
    void studiesAndContents_sourceAcceptsTheConnectionButNeverAnswers_503WithTheTimeoutAsCause() throws Exception {
        try (SilentPeer stalled = SilentPeer.start()) {
            CFindSourceArchive source = new CFindSourceArchive(new SourceSettings("legacy", "", "", "", "", "hospital-a",
                    "LEGACY_PACS", "", "127.0.0.1", stalled.port()),
                    new PixelMedDimseScu(new AeTitle("EXCHANGE"), Duration.ofSeconds(1)));
            SourceArchiveUnavailableException listing = assertThrows(SourceArchiveUnavailableException.class,
                    () -> source.studies(0, 10));
            assertEquals(503, listing.status());
            assertInstanceOf(DimseTimeoutException.class, listing.getCause());
            assertInstanceOf(DimseTimeoutException.class, assertThrows(SourceArchiveUnavailableException.class,
                    () -> source.contents("1.2.3")).getCause());
        }
    }

    @Test
    void studies_failureStatus_is502() {
        CFindSourceArchive source = new CFindSourceArchive(LEGACY, (r, m, i, c) -> {
            throw new DimseException(DimseStatus.UNABLE_TO_PROCESS, "out of resources");
        });
        assertEquals(502, assertThrows(SourceArchiveResponseException.class, () -> source.studies(0, 10)).status());
    }

    @Test
    void wadoRsBaseUrl_isTheDimseAddress() {
        assertEquals("dicom://LEGACY_PACS@127.0.0.1:4243", new CFindSourceArchive(LEGACY, new Archive()).wadoRsBaseUrl());
    }

    private static List<String> uids(List<Study> studies) {
        return studies.stream().map(Study::studyInstanceUid).toList();
    }
}
