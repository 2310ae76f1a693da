package org.imagingexchange.registry.domain;

import java.util.Set;

/**
 * An instance-level QIDO-RS query within one series (PS3.18 §10.6.1.2, Table 10.6.1-7).
 *
 * @param sopInstanceUids SOPInstanceUID list; empty when absent
 * @param sopClassUids    SOPClassUID list; empty when absent
 * @param fields          includefield selection
 * @param paging          offset and limit
 */
public record InstanceQuery(Set<String> sopInstanceUids, Set<String> sopClassUids, FieldSelection fields,
                            Paging paging) {

    /** Compact constructor: copies collections. */
    public InstanceQuery {
        sopInstanceUids = Set.copyOf(sopInstanceUids);
        sopClassUids = Set.copyOf(sopClassUids);
    }

    /** @return true when the instance satisfies every key */
    public boolean matches(Instance instance) {
        return AttributeMatching.matchesUidList(sopInstanceUids, instance.sopInstanceUid())
                && AttributeMatching.matchesUidList(sopClassUids, instance.sopClassUid());
    }
}
