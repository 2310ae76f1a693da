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
 * Crawls source archives incrementally: page by page through the source's study list (the next page is
 * listed while the current one is read and written), reading a study's series and instances only when its
 * fingerprint changed ({@link StudyFingerprint}), several studies per request, one index
 * transaction and one checkpoint per page, so memory is bounded by a page and a crash or restart
 * resumes after the last committed page. A complete crawl withdraws what the source no longer lists.
 * Crawls run one at a time (a second caller waits). Thread-safe.
 */
public final class CrawlService {

    private static final Logger LOG = Logger.getLogger(CrawlService.class.getName());

    /** Most studies whose contents are read in one request (their UIDs go into the query string). */
    static final int BATCH_STUDIES = 40;

    /** About the most instances (as the source counts them) read in one request. */
    static final int BATCH_INSTANCES = 1000;

    private final SourceArchives sources;
    private final StudyIndex index;
    private final CrawlCheckpoints checkpoints;
    private final CrawlLog log;
    private final Settings settings;

    /**
     * How crawls run.
     *
     * @param pageSize     studies per page and per transaction, &gt;= 1
     * @param listPageSize studies per request for the source's study list, a multiple of {@code pageSize}: a
     *                     list is committed page by page; larger lists mean fewer requests that each pay for
     *                     their offset at the source (Orthanc's QIDO-RS takes longer the larger the offset)
     * @param executor     runs the listing of the next page and the reads of a page's changed studies
     * @param parallelism  batches of studies read at once, &gt;= 1
     * @param progress     where progress goes (metrics, logs)
     * @param clock        for durations and timestamps
     */
    public record Settings(int pageSize, int listPageSize, Executor executor, int parallelism, CrawlProgress progress,
                           Clock clock) {

        /**
         * @throws IllegalArgumentException when a size is below 1 or the list size is no multiple of the page size
         */
        public Settings {
            if (pageSize < 1 || listPageSize < pageSize || listPageSize % pageSize != 0) {
                throw new IllegalArgumentException("crawl list size " + listPageSize + " must be a multiple of the page size "
                        + pageSize);
            }
        }
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
        Timings timings = new Timings();
        CompletableFuture<List<Study>> listing = list(source, cp.nextOffset());
        while (true) {
            long waited = System.nanoTime();
            List<Study> listed = join(listing);
            timings.listing += System.nanoTime() - waited;
            boolean last = listed.size() < settings.listPageSize();
            if (!last) {
                // The next list is fetched while this one is read and written page by page; if that listing
                // fails, these pages are still committed first and the crawl resumes after them.
                listing = list(source, cp.nextOffset() + listed.size());
            }
            // An empty list is committed too, as one empty page: its checkpoint ends the crawl.
            for (int from = 0; from < listed.size() || from == 0; from += settings.pageSize()) {
                cp = commitPage(source, listed.subList(from, Math.min(listed.size(), from + settings.pageSize())), cp,
                        timings);
            }
            if (last) {
                break;
            }
        }
        int removed = index.withdrawUnseen(source.id(), cp.generation());
        checkpoints.finish(source.id());
        IndexCounts counts = index.counts(source.id());
        CrawlCheckpoint done = cp;
        LOG.info(() -> "crawl of source " + source.id() + " done: " + done.studiesSeen() + " studies listed, "
                + done.added() + " added, " + done.updated() + " updated, " + removed + " removed; waited "
                + timings.listing / 1_000_000 + " ms for study lists, " + timings.reading / 1_000_000
                + " ms for contents, " + timings.writing / 1_000_000 + " ms on the index");
        return new CrawlResult(source.id(), counts.studies(), counts.series(), counts.instances(), cp.added(),
                cp.updated(), removed, settings.clock().millis() - start, settings.clock().instant(), true, "");
    }

    /** Where a crawl's time went (nanoseconds), for its log line. */
    private static final class Timings {
        long listing;
        long reading;
        long writing;
    }

    private CrawlCheckpoint commitPage(SourceArchive source, List<Study> page, CrawlCheckpoint cp, Timings timings) {
        long t0 = System.nanoTime();
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
        long t1 = System.nanoTime();
        List<StudyManifest> manifests = read(source, changed);
        long t2 = System.nanoTime();
        Set<String> unchanged = new HashSet<>(headers.keySet());
        changed.forEach(h -> unchanged.remove(h.studyInstanceUid()));
        int added = (int) manifests.stream().filter(m -> !known.containsKey(m.study().studyInstanceUid())).count();
        int updated = manifests.size() - added;
        CrawlCheckpoint next = cp.advance(page.size(), added, updated);
        Map<String, String> changedPrints = new HashMap<>();
        manifests.forEach(m -> changedPrints.put(m.study().studyInstanceUid(), fingerprints.get(m.study().studyInstanceUid())));
        index.applyBatch(new IndexBatch(source, manifests, changedPrints, unchanged, next));
        timings.reading += t2 - t1;
        timings.writing += (t1 - t0) + (System.nanoTime() - t2);
        settings.progress().page(source.id(), page.size(), added, updated);
        return next;
    }

    private CompletableFuture<List<Study>> list(SourceArchive source, int offset) {
        return CompletableFuture.supplyAsync(() -> source.studies(offset, settings.listPageSize()), settings.executor());
    }

    /**
     * Reads the contents of the changed studies in batches ({@link #batches}), {@code parallelism} batches
     * at a time; a study gone meanwhile is skipped.
     */
    private List<StudyManifest> read(SourceArchive source, List<Study> changed) {
        List<List<Study>> batches = batches(changed);
        List<StudyManifest> out = new ArrayList<>(changed.size());
        for (int i = 0; i < batches.size(); i += settings.parallelism()) {
            List<CompletableFuture<List<StudyManifest>>> running = batches
                    .subList(i, Math.min(batches.size(), i + settings.parallelism())).stream()
                    .map(batch -> CompletableFuture.supplyAsync(() -> readBatch(source, batch), settings.executor()))
                    .toList();
            for (CompletableFuture<List<StudyManifest>> f : running) {
                join(f).stream().filter(m -> m.study().numberOfInstances() > 0).forEach(out::add);
            }
        }
        return out;
    }

    private static List<StudyManifest> readBatch(SourceArchive source, List<Study> batch) {
        Map<String, List<StudyManifest.SeriesManifest>> contents = source.contents(
                batch.stream().map(Study::studyInstanceUid).toList());
        return batch.stream().map(h -> StudyManifest.of(h, contents.getOrDefault(h.studyInstanceUid(), List.of()),
                source.organizationId())).toList();
    }

    /**
     * Groups studies for {@link SourceArchive#contents(List)}: at most {@value #BATCH_STUDIES} studies and,
     * by the instance counts the source lists, about {@value #BATCH_INSTANCES} instances per batch (a larger
     * study is a batch of its own), so one answer stays small.
     */
    static List<List<Study>> batches(List<Study> studies) {
        List<List<Study>> out = new ArrayList<>();
        List<Study> current = new ArrayList<>();
        int instances = 0;
        for (Study s : studies) {
            int expected = Math.max(1, s.numberOfInstances());
            if (!current.isEmpty() && (current.size() == BATCH_STUDIES || instances + expected > BATCH_INSTANCES)) {
                out.add(current);
                current = new ArrayList<>();
                instances = 0;
            }
            current.add(s);
            instances += expected;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static <T> T join(CompletableFuture<T> f) {
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
