package org.imagingexchange.audit.domain;

import java.util.List;

/**
 * One page of a search, newest first.
 *
 * @param total  number of events matching the query (all pages)
 * @param events the events of this page
 * @param query  the query that was run (after access scoping)
 */
public record AuditPage(long total, List<StoredAuditEvent> events, AuditQuery query) {

    /** @return true when events follow this page */
    public boolean hasNext() {
        return (long) query.offset() + events.size() < total && !events.isEmpty();
    }
}
