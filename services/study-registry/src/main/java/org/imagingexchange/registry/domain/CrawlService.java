package org.imagingexchange.registry.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * Crawls source archives incrementally: page by page through the source's study list, reading a
 * study's series and instances only when its fingerprint changed ({@link StudyFingerprint}), one index
 * transaction and one checkpoint per page, so memory is bounded by a page and a crash or restart
 * resumes after the last committed page. A complete crawl withdraws what the source no longer lists.
 * Crawls run one at a time (a second caller waits). Thread-safe.
 */
public final class CrawlService {

    private static final Logger LOG = Logger.getLogger(CrawlService.class.getName());

    private final SourceArchives sources;
    private final StudyIndex index;
    private final CrawlCheckpoints checkpoints;
    private final CrawlLog log;
    private final Settings settings;

    /**
     * How crawls run.
     *
     * @param pageSize    studies per page and per transaction, &gt;= 1
     * @param executor    runs the reads of a page's changed studies (at most {@code parallelism} at once)
     * @param parallelism studies read at once, &gt;= 1
     * @param progress    where progress goes (metrics, logs)
     * @param clock       for durations and timestamps
     */
    public record Settings(int pageSize, Executor executor, int parallelism, CrawlProgress progress, Clock clock) {
    }

    /**
     * @param sources     the configured sources
     * @param index       the index to fill
     * @param checkpoints crawl state per source
     * @param log         where results are kept
     * @param settings    page size, parallelism, progress, clock
     */
    public CrawlService(SourceArchives sources, StudyIndex index, CrawlCheckpoints checkpoints, CrawlLog log,
                        Settings settings) {
        this.sources = sources;
        this.index = index;
        this.checkpoints = checkpoints;
        this.log = log;
        this.settings = settings;
    }

    /**
     * Crawls one source or all; a source whose last crawl did not finish is resumed from its checkpoint.
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
            long start = settings.clock().millis();
            try {
                results.add(record(crawl(source, start)));
            } catch (SourceArchiveUnavailableException | SourceArchiveResponseException e) {
                record(new CrawlResult(source.id(), 0, 0, 0, 0, 0, 0, settings.clock().millis() - start,
                        settings.clock().instant(), false, e.detail()));
                LOG.warning(() -> "crawl of source " + source.id() + " failed; committed pages stay and the next crawl"
                        + " resumes after them: " + e.detail());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        return results;
    }

    /** @return ids of sources whose crawl began and did not finish (to resume at start-up) */
    public List<String> unfinished() {
        return checkpoints.unfinished();
    }

    private CrawlResult record(CrawlResult r) {
        log.record(r);
        settings.progress().finished(r);
        return r;
    }

    private CrawlResult crawl(SourceArchive source, long start) {
        index.registerSource(source);
        Optional<CrawlCheckpoint> resumed = checkpoints.running(source.id());
        CrawlCheckpoint cp = resumed.orElseGet(() -> checkpoints.begin(source.id(), settings.clock().instant()));
        resumed.ifPresent(c -> LOG.info(() -> "crawl of source " + source.id() + " resumes generation "
                + c.generation() + " at offset " + c.nextOffset()));
        while (true) {
            List<Study> page = source.studies(cp.nextOffset(), settings.pageSize());
            cp = commitPage(source, page, cp);
            if (page.size() < settings.pageSize()) {
                break;
            }
        }
        int removed = index.withdrawUnseen(source.id(), cp.generation());
        checkpoints.finish(source.id());
        IndexCounts counts = index.counts(source.id());
        CrawlCheckpoint done = cp;
        LOG.info(() -> "crawl of source " + source.id() + " done: " + done.studiesSeen() + " studies listed, "
                + done.added() + " added, " + done.updated() + " updated, " + removed + " removed");
        return new CrawlResult(source.id(), counts.studies(), counts.series(), counts.instances(), cp.added(),
                cp.updated(), removed, settings.clock().millis() - start, settings.clock().instant(), true, "");
    }

    private CrawlCheckpoint commitPage(SourceArchive source, List<Study> page, CrawlCheckpoint cp) {
        Map<String, Study> headers = new LinkedHashMap<>();
        Map<String, String> fingerprints = new HashMap<>();
        for (Study s : page) {
            Study h = s.withDefaultIssuer(source.defaultIssuer());
            headers.put(h.studyInstanceUid(), h);
            fingerprints.put(h.studyInstanceUid(), StudyFingerprint.of(h));
        }
        Map<String, String> known = index.fingerprints(source.id(), headers.keySet());
        List<Study> changed = headers.values().stream()
                .filter(h -> !fingerprints.get(h.studyInstanceUid()).equals(known.get(h.studyInstanceUid())))
                .toList();
        List<StudyManifest> manifests = read(source, changed);
        Set<String> unchanged = new HashSet<>(headers.keySet());
        changed.forEach(h -> unchanged.remove(h.studyInstanceUid()));
        int added = (int) manifests.stream().filter(m -> !known.containsKey(m.study().studyInstanceUid())).count();
        int updated = manifests.size() - added;
        CrawlCheckpoint next = cp.advance(page.size(), added, updated);
        Map<String, String> changedPrints = new HashMap<>();
        manifests.forEach(m -> changedPrints.put(m.study().studyInstanceUid(), fingerprints.get(m.study().studyInstanceUid())));
        index.applyBatch(new IndexBatch(source, manifests, changedPrints, unchanged, next));
        settings.progress().page(source.id(), page.size(), added, updated);
        return next;
    }

    /** Reads the contents of the changed studies, {@code parallelism} at a time; a study gone meanwhile is skipped. */
    private List<StudyManifest> read(SourceArchive source, List<Study> changed) {
        List<StudyManifest> out = new ArrayList<>(changed.size());
        for (int i = 0; i < changed.size(); i += settings.parallelism()) {
            List<CompletableFuture<StudyManifest>> running = changed
                    .subList(i, Math.min(changed.size(), i + settings.parallelism())).stream()
                    .map(h -> CompletableFuture.supplyAsync(() -> StudyManifest.of(h,
                            source.contents(h.studyInstanceUid()), source.organizationId()), settings.executor()))
                    .toList();
            for (CompletableFuture<StudyManifest> f : running) {
                StudyManifest m = join(f);
                if (m.study().numberOfInstances() > 0) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static StudyManifest join(CompletableFuture<StudyManifest> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
