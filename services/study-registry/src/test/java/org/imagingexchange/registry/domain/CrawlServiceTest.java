package org.imagingexchange.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrawlServiceTest {

    private final InMemoryStudyIndex index = new InMemoryStudyIndex();
    private final Map<String, CrawlResult> log = new HashMap<>();
    private final CrawlLog crawlLog = new CrawlLog() {
        @Override
        public void record(CrawlResult result) {
            log.put(result.source(), result);
        }

        @Override
        public Optional<CrawlResult> last(String sourceId) {
            return Optional.ofNullable(log.get(sourceId));
        }
    };

    @Test
    void crawl_source_derivesCountsModalitiesAndCustodian() {
        FakeArchive a = new FakeArchive("hospital-a", false);
        CrawlService crawler = new CrawlService(() -> List.of(a), index, crawlLog, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        List<CrawlResult> results = crawler.crawl(Optional.empty());

        assertEquals(1, results.get(0).studies());
        assertEquals(2, results.get(0).series());
        assertEquals(3, results.get(0).instances());
        Study s = index.study("1.2.3").orElseThrow();
        assertEquals(2, s.numberOfSeries());
        assertEquals(3, s.numberOfInstances());
        assertEquals(List.of("CT", "SR"), s.modalitiesInStudy(), "modalities of the source plus those of the series");
        assertEquals("hospital-a", s.custodianOrganizationId());
        assertTrue(log.get("hospital-a").succeeded());
    }

    @Test
    void crawl_failingSource_logsFailureKeepsIndexAndThrows() {
        FakeArchive good = new FakeArchive("hospital-a", false);
        CrawlService crawler = new CrawlService(() -> List.of(good), index, crawlLog, Clock.systemUTC());
        crawler.crawl(Optional.empty());
        FakeArchive broken = new FakeArchive("hospital-a", true);
        CrawlService failing = new CrawlService(() -> List.of(broken), index, crawlLog, Clock.systemUTC());

        SourceArchiveUnavailableException e = assertThrows(SourceArchiveUnavailableException.class,
                () -> failing.crawl(Optional.of("hospital-a")));

        assertEquals(503, e.status());
        assertTrue(index.study("1.2.3").isPresent(), "the index keeps what it had");
        assertFalse(log.get("hospital-a").succeeded());
        assertTrue(log.get("hospital-a").detail().contains("connection refused"), log.get("hospital-a").detail());
    }

    @Test
    void crawl_unknownSource_is400() {
        CrawlService crawler = new CrawlService(List::of, index, crawlLog, Clock.systemUTC());
        assertEquals(400, assertThrows(UnknownSourceException.class, () -> crawler.crawl(Optional.of("nowhere"))).status());
    }

    private record FakeArchive(String id, boolean down) implements SourceArchive {
        @Override
        public String organizationId() {
            return id;
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
        public List<Study> studies() {
            if (down) {
                throw new SourceArchiveUnavailableException("connection refused", null);
            }
            return List.of(new Study("1.2.3", "1CT1", "", "Doe^J", null, null, null, null, null, null, null, null,
                    List.of("CT"), List.of(), 99, 99, null, null));
        }

        @Override
        public List<Series> series(String studyUid) {
            return List.of(new Series("1.2.3.1", "CT", 1, null, "HEAD", 0), new Series("1.2.3.2", "SR", 2, null, null, 0));
        }

        @Override
        public List<Instance> instances(String studyUid, String seriesUid) {
            return seriesUid.endsWith(".1")
                    ? List.of(new Instance(seriesUid + ".1", "1.2", 1, null), new Instance(seriesUid + ".2", "1.2", 2, null))
                    : List.of(new Instance(seriesUid + ".1", "1.2", 1, null));
        }
    }
}
