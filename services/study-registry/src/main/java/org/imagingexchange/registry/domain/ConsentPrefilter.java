package org.imagingexchange.registry.domain;

/**
 * Port: the database-side pre-filter of searches by consent (issue: "consent filtering before paging,
 * without loading the table"). Implemented by the registry's mirror of the consent service's permit feed.
 * Thread-safe.
 */
public interface ConsentPrefilter {

    /** No pre-filter: every search reads all matching rows (opt-out regions, feed not followed). */
    ConsentPrefilter NONE = requester -> SearchScope.ALL;

    /**
     * @param requester who searches
     * @return {@link SearchScope#ALL}, or a restricted scope when the region is opt-in, the mirror is
     *         current and the requester has an organisation
     */
    SearchScope scopeFor(Requester requester);
}
