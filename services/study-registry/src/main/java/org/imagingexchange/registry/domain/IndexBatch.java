package org.imagingexchange.registry.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One page of a crawl, applied to the index in one transaction together with its checkpoint.
 *
 * @param source       the source the page came from
 * @param changed      studies new to or changed at this source, with their full contents
 * @param fingerprints fingerprint of each changed study (by Study Instance UID)
 * @param unchanged    Study Instance UIDs the source still lists unchanged (only re-stamped)
 * @param checkpoint   the crawl's state after this page
 */
public record IndexBatch(SourceArchive source, List<StudyManifest> changed, Map<String, String> fingerprints,
                         Set<String> unchanged, CrawlCheckpoint checkpoint) {

    /** Compact constructor: copies the collections. */
    public IndexBatch {
        changed = List.copyOf(changed);
        fingerprints = Map.copyOf(fingerprints);
        unchanged = Set.copyOf(unchanged);
    }
}
