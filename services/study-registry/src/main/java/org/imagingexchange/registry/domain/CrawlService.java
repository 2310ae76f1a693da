package org.imagingexchange.registry.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * Crawls source archives (studies, then series, then instances) and makes the index mirror each one.
 * A source is read completely before anything is written, so a failing source leaves its part of the
 * index as it was. Crawls run one at a time (a second caller waits).
 */
public final class CrawlService {

    private static final Logger LOG = Logger.getLogger(CrawlService.class.getName());

    private final SourceArchives sources;
    private final StudyIndex index;
    private final CrawlLog log;
    private final Clock clock;

    /**
     * @param sources the configured sources
     * @param index   the index to fill
     * @param log     where results are kept
     * @param clock   for durations and timestamps
     */
    public CrawlService(SourceArchives sources, StudyIndex index, CrawlLog log, Clock clock) {
        this.sources = sources;
        this.index = index;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Crawls one source or all.
     *
     * @param sourceId a source id; empty for all sources
     * @return one result per crawled source, all successful
     * @throws UnknownSourceException            (400) when the source id is not configured
     * @throws SourceArchiveUnavailableException (503) / SourceArchiveResponseException (502) for the first
     *                                           failing source, after every source was tried and its result logged
     */
    public synchronized List<CrawlResult> crawl(Optional<String> sourceId) {
        List<SourceArchive> targets = sourceId.isPresent()
                ? List.of(sources.byId(sourceId.get()).orElseThrow(() -> new UnknownSourceException(sourceId.get())))
                : sources.all();
        List<CrawlResult> results = new ArrayList<>();
        ProblemException firstFailure = null;
        for (SourceArchive source : targets) {
            long start = clock.millis();
            try {
                IndexCounts counts = index.synchronize(source, read(source));
                CrawlResult r = new CrawlResult(source.id(), (int) counts.studies(), (int) counts.series(),
                        (int) counts.instances(), clock.millis() - start, clock.instant(), true, "");
                log.record(r);
                results.add(r);
            } catch (SourceArchiveUnavailableException | SourceArchiveResponseException e) {
                log.record(new CrawlResult(source.id(), 0, 0, 0, clock.millis() - start, clock.instant(), false,
                        e.detail()));
                LOG.warning(() -> "crawl of source " + source.id() + " failed, index kept: " + e.detail());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        return results;
    }

    private static List<StudyManifest> read(SourceArchive source) {
        List<StudyManifest> manifests = new ArrayList<>();
        for (Study header : source.studies()) {
            List<StudyManifest.SeriesManifest> series = new ArrayList<>();
            for (Series s : source.series(header.studyInstanceUid())) {
                series.add(new StudyManifest.SeriesManifest(s,
                        source.instances(header.studyInstanceUid(), s.seriesInstanceUid())));
            }
            manifests.add(StudyManifest.of(header, series, source.organizationId(), source.id()));
        }
        return manifests;
    }
}
