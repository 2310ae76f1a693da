package org.imagingexchange.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Incremental, paged, resumable crawling against a fake archive (port double) and the in-memory index. */
class CrawlServiceTest {

    private final InMemoryStudyIndex index = new InMemoryStudyIndex();
    private final Map<String, CrawlResult> log = new HashMap<>();
    private final FakeCheckpoints checkpoints = new FakeCheckpoints();
    private final FakeArchive archive = new FakeArchive();

    {
        index.checkpointSink = cp -> checkpoints.state.put(cp.sourceId(), cp);
    }

    @Test
    void crawl_firstTime_indexesEveryStudyPageByPageWithDerivedCounts() {
        archive.addStudies(5);

        CrawlResult r = crawler(2).crawl(Optional.empty()).get(0);

        assertEquals(5, r.studies());
        assertEquals(5, r.added());
        assertEquals(10, r.instances());
        assertEquals(3, index.batches.size(), "pages of 2, 2 and 1 studies, one transaction each");
        Study s = index.study("1.2.1").orElseThrow();
        assertEquals(1, s.numberOfSeries());
        assertEquals(2, s.numberOfInstances(), "derived by counting, not the source's claim");
        assertEquals(List.of("CT"), s.modalitiesInStudy());
        assertEquals(List.of("1.2.840.10008.5.1.4.1.1.2"), s.sopClassesInStudy());
        assertEquals("hospital-a", s.custodianOrganizationId());
        assertEquals("ISSUER-A", s.issuerOfPatientId(), "the source's default issuer fills a missing one");
        assertFalse(checkpoints.running("hospital-a").isPresent(), "a finished crawl is not resumed");
        assertTrue(log.get("hospital-a").succeeded());
    }

    @Test
    void crawl_listLargerThanPage_oneListRequestCommittedPageByPage_resumesAtCommittedPage() {
        archive.addStudies(9);
        archive.failAtOffset = 6;
        CrawlService crawler = crawler(archive, 2, 6);
        assertThrows(SourceArchiveUnavailableException.class, () -> crawler.crawl(Optional.empty()));
        assertEquals(List.of(0, 6), archive.listedOffsets, "six studies listed by one request");
        assertEquals(3, index.batches.size(), "the six listed studies committed in pages of two");
        assertEquals(6, checkpoints.running("hospital-a").orElseThrow().nextOffset());
        archive.failAtOffset = -1;
        archive.listedOffsets.clear();

        CrawlResult r = crawler.crawl(Optional.empty()).get(0);

        assertEquals(List.of(6), archive.listedOffsets, "resumed after the last committed page; 3 < 6 ends the list");
        assertEquals(5, index.batches.size(), "pages of 2 and 1 after the resume");
        assertEquals(9, r.studies());
        assertEquals(9, r.added());
    }

    @Test
    void settings_listSizeNotAMultipleOfThePage_refused() {
        assertThrows(IllegalArgumentException.class, () -> new CrawlService.Settings(100, 250, Runnable::run, 1,
                null, Clock.systemUTC()));
    }

    @Test
    void crawl_unchangedSource_readsNoStudyContents() {
        archive.addStudies(5);
        crawler(2).crawl(Optional.empty());
        archive.contentReads = 0;

        CrawlResult r = crawler(2).crawl(Optional.empty()).get(0);

        assertEquals(0, archive.contentReads, "only the study lists were read");
        assertEquals(0, r.added());
        assertEquals(0, r.updated());
        assertEquals(0, r.removed());
        assertEquals(5, r.studies());
    }

    @Test
    void crawl_changedAndWithdrawnStudies_updatedAndRemoved() {
        archive.addStudies(4);
        crawler(10).crawl(Optional.empty());
        archive.instancesPerStudy.put("1.2.2", 3);
        archive.studies.remove("1.2.4");

        CrawlResult r = crawler(10).crawl(Optional.empty()).get(0);

        assertEquals(1, r.updated());
        assertEquals(1, r.removed());
        assertEquals(3, index.study("1.2.2").orElseThrow().numberOfInstances());
        assertTrue(index.study("1.2.4").isEmpty(), "a withdrawn study leaves the index");
    }

    @Test
    void crawl_sourceFailsMidway_keepsCommittedPagesAndResumesFromCheckpoint() {
        archive.addStudies(6);
        archive.failAtOffset = 4;
        CrawlService crawler = crawler(2);
        SourceArchiveUnavailableException e = assertThrows(SourceArchiveUnavailableException.class,
                () -> crawler.crawl(Optional.empty()));
        assertEquals(503, e.status());
        assertEquals(4, index.manifests.size(), "the two committed pages stay");
        assertEquals(4, checkpoints.running("hospital-a").orElseThrow().nextOffset());
        assertFalse(log.get("hospital-a").succeeded());
        archive.failAtOffset = -1;
        List<Integer> offsets = archive.listedOffsets;
        offsets.clear();

        CrawlResult r = crawler.crawl(Optional.empty()).get(0);

        assertEquals(List.of(4, 6), offsets, "the resumed crawl starts at the checkpoint");
        assertEquals(6, r.studies());
        assertEquals(0, r.removed(), "studies of the interrupted pages are not withdrawn");
    }

    @Test
    void crawl_cFindSourceFailsMidway_restartedRegistryResumesInStudyUidOrder() {
        DimseArchive pacs = new DimseArchive();
        for (int i = 6; i >= 1; i--) {
            pacs.studyUids.add("1.2." + i);
        }
        pacs.failingStudy = "1.2.5";
        org.imagingexchange.registry.config.SourceSettings legacy = new org.imagingexchange.registry.config.SourceSettings(
                "hospital-a", "", "", "", "", "hospital-a", "LEGACY_PACS", "", "127.0.0.1", 4243);
        assertThrows(SourceArchiveUnavailableException.class, () -> crawler(
                new org.imagingexchange.registry.integration.CFindSourceArchive(legacy, pacs), 2).crawl(Optional.empty()));
        assertEquals(List.of("1.2.1", "1.2.2", "1.2.3", "1.2.4"), index.manifests.keySet().stream()
                .sorted().toList(), "the pages before the failure stay");
        assertEquals(4, checkpoints.running("hospital-a").orElseThrow().nextOffset());
        pacs.failingStudy = null;
        pacs.seriesQueries.clear();

        CrawlResult r = crawler(new org.imagingexchange.registry.integration.CFindSourceArchive(legacy, pacs), 2)
                .crawl(Optional.empty()).get(0);

        assertEquals(List.of("1.2.5", "1.2.6"), pacs.seriesQueries, "a new archive object (a restart) lists again, in"
                + " Study Instance UID order, and reads only the studies after the checkpoint");
        assertEquals(6, r.studies());
        assertEquals(0, r.removed());
    }

    /** A DIMSE-only archive answering C-FIND: STUDY level in reverse UID order, one series of one CT image each. */
    private static final class DimseArchive implements org.imagingexchange.dicom.net.CFindScu {
        final List<String> studyUids = new ArrayList<>();
        final List<String> seriesQueries = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile String failingStudy;

        @Override
        public org.imagingexchange.dicom.DimseStatus find(org.imagingexchange.dicom.net.RemoteAe remote,
                org.imagingexchange.dicom.net.QueryRetrieveModel model, org.imagingexchange.dicom.DicomDataset keys,
                java.util.function.Consumer<org.imagingexchange.dicom.DicomDataset> onMatch)
                throws org.imagingexchange.dicom.net.DimseException {
            String level = keys.getString(org.imagingexchange.dicom.DicomAttribute.QUERY_RETRIEVE_LEVEL);
            String study = keys.getString(org.imagingexchange.dicom.DicomAttribute.STUDY_INSTANCE_UID);
            if (level.equals("STUDY")) {
                studyUids.forEach(uid -> onMatch.accept(new org.imagingexchange.dicom.DicomDataset()
                        .putString(org.imagingexchange.dicom.DicomAttribute.STUDY_INSTANCE_UID, uid)
                        .putString(org.imagingexchange.dicom.DicomAttribute.PATIENT_ID, "P" + uid)
                        .putString(org.imagingexchange.dicom.DicomAttribute.NUMBER_OF_STUDY_RELATED_INSTANCES, "1")));
            } else if (level.equals("SERIES")) {
                seriesQueries.add(study);
                if (study.equals(failingStudy)) {
                    throw new org.imagingexchange.dicom.net.DimseTransportException("A-ABORT", null);
                }
                onMatch.accept(new org.imagingexchange.dicom.DicomDataset()
                        .putString(org.imagingexchange.dicom.DicomAttribute.SERIES_INSTANCE_UID, study + ".1")
                        .putString(org.imagingexchange.dicom.DicomAttribute.MODALITY, "CT"));
            } else {
                onMatch.accept(new org.imagingexchange.dicom.DicomDataset()
                        .putString(org.imagingexchange.dicom.DicomAttribute.SOP_INSTANCE_UID, study + ".1.1")
                        .putString(org.imagingexchange.dicom.DicomAttribute.SOP_CLASS_UID, "1.2.840.10008.5.1.4.1.1.2"));
            }
            return org.imagingexchange.dicom.DimseStatus.SUCCESS;
        }
    }

    @Test
    void crawl_readsChangedStudiesContentsInBatchesBoundedByStudiesAndInstances() {
        archive.addStudies(CrawlService.BATCH_STUDIES + 5);

        CrawlResult r = crawler(100).crawl(Optional.empty()).get(0);

        assertEquals(CrawlService.BATCH_STUDIES + 5, r.added());
        assertEquals(List.of(5, CrawlService.BATCH_STUDIES), archive.batchSizes.stream().sorted().toList(),
                "one read per batch of changed studies (batches run in parallel)");
        assertEquals(2 * (CrawlService.BATCH_STUDIES + 5), r.instances());
    }

    @Test
    void batches_splitByStudyCountAndListedInstances_largeStudyAlone() {
        List<Study> studies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            studies.add(Studies.withCounts(Studies.header("1.3." + i, "P", "", "Doe^P", null, null), 1, 300));
        }
        studies.add(2, Studies.withCounts(Studies.header("1.3.big", "P", "", "Doe^P", null, null), 1, 5000));

        List<List<Study>> batches = CrawlService.batches(studies);

        assertEquals(List.of(List.of("1.3.0", "1.3.1"), List.of("1.3.big"), List.of("1.3.2", "1.3.3", "1.3.4")),
                batches.stream().map(b -> b.stream().map(Study::studyInstanceUid).toList()).toList(),
                "about " + CrawlService.BATCH_INSTANCES + " listed instances per batch; a larger study alone");
    }

    @Test
    void crawl_listingOfTheNextPageFails_currentPageCommittedFirst() {
        archive.addStudies(6);
        archive.failAtOffset = 2;

        assertThrows(SourceArchiveUnavailableException.class, () -> crawler(2).crawl(Optional.empty()));

        assertEquals(2, index.manifests.size(), "the page listed before the failing one is committed");
        assertEquals(2, checkpoints.running("hospital-a").orElseThrow().nextOffset());
    }

    @Test
    void crawl_unknownSource_is400() {
        assertEquals(400, assertThrows(UnknownSourceException.class, () -> crawler(2).crawl(Optional.of("nowhere"))).status());
    }

    private CrawlService crawler(int pageSize) {
        return crawler(archive, pageSize, pageSize);
    }

    private CrawlService crawler(SourceArchive source, int pageSize) {
        return crawler(source, pageSize, pageSize);
    }

    private CrawlService crawler(SourceArchive source, int pageSize, int listPageSize) {
        CrawlLog crawlLog = new CrawlLog() {
            @Override
            public void record(CrawlResult result) {
                log.put(result.source(), result);
            }

            @Override
            public Optional<CrawlResult> last(String sourceId) {
                return Optional.ofNullable(log.get(sourceId));
            }
        };
        CrawlProgress progress = new CrawlProgress() {
            @Override
            public void page(String sourceId, int listed, int added, int updated) {
            }

            @Override
            public void finished(CrawlResult result) {
            }
        };
        return new CrawlService(() -> List.of(source), index, checkpoints, crawlLog,
                new CrawlService.Settings(pageSize, listPageSize, Executors.newFixedThreadPool(2), 2, progress,
                        Clock.systemUTC()));
    }

    /** A source with studies of one CT series each; counts per study adjustable. */
    private static final class FakeArchive implements SourceArchive {
        final Map<String, Study> studies = new LinkedHashMap<>();
        final Map<String, Integer> instancesPerStudy = new HashMap<>();
        final List<Integer> listedOffsets = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Integer> batchSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
        int failAtOffset = -1;
        int contentReads;

        void addStudies(int n) {
            for (int i = 1; i <= n; i++) {
                studies.put("1.2." + i, Studies.header("1.2." + i, "P" + i, "", "Doe^P" + i, LocalDate.of(2024, 1, 1).plusDays(i - 1), null));
                instancesPerStudy.put("1.2." + i, 2);
            }
        }

        @Override
        public String id() {
            return "hospital-a";
        }

        @Override
        public String organizationId() {
            return "hospital-a";
        }

        @Override
        public String wadoRsBaseUrl() {
            return "http://127.0.0.1:8042/dicom-web";
        }

        @Override
        public String aeTitle() {
            return "";
        }

        @Override
        public String defaultIssuer() {
            return "ISSUER-A";
        }

        @Override
        public List<Study> studies(int offset, int limit) {
            listedOffsets.add(offset);
            if (offset == failAtOffset) {
                throw new SourceArchiveUnavailableException("connection refused", null);
            }
            return studies.values().stream().skip(offset).limit(limit)
                    .map(s -> Studies.withCounts(s, 1, instancesPerStudy.get(s.studyInstanceUid()))).toList();
        }

        @Override
        public Map<String, List<StudyManifest.SeriesManifest>> contents(List<String> uids) {
            batchSizes.add(uids.size());
            return SourceArchive.super.contents(uids);
        }

        @Override
        public synchronized List<StudyManifest.SeriesManifest> contents(String uid) {
            contentReads++;
            List<Instance> instances = new ArrayList<>();
            for (int i = 1; i <= instancesPerStudy.getOrDefault(uid, 0); i++) {
                instances.add(new Instance(uid + ".1." + i, "1.2.840.10008.5.1.4.1.1.2", i, null));
            }
            return List.of(new StudyManifest.SeriesManifest(new Series(uid + ".1", "CT", 1, null, "HEAD", 0), instances));
        }
    }

    /** Crawl state in memory. */
    private static final class FakeCheckpoints implements CrawlCheckpoints {
        final Map<String, CrawlCheckpoint> state = new HashMap<>();
        final Map<String, Boolean> running = new HashMap<>();

        @Override
        public Optional<CrawlCheckpoint> running(String sourceId) {
            return running.getOrDefault(sourceId, false) ? Optional.of(state.get(sourceId)) : Optional.empty();
        }

        @Override
        public List<String> unfinished() {
            return running.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        }

        @Override
        public CrawlCheckpoint begin(String sourceId, Instant now) {
            long g = state.containsKey(sourceId) ? state.get(sourceId).generation() + 1 : 1;
            CrawlCheckpoint cp = new CrawlCheckpoint(sourceId, g, 0, 0, 0, 0, now);
            state.put(sourceId, cp);
            running.put(sourceId, true);
            return cp;
        }

        @Override
        public void finish(String sourceId) {
            running.put(sourceId, false);
        }
    }
}
