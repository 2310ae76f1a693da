package org.imagingexchange.consent.client;

import java.util.List;

/**
 * One page of the consent service's permit feed ({@code GET /api/permits?after=&limit=}).
 *
 * @param regionPolicy the jurisdiction's default when no directive applies: {@code opt-in} or {@code opt-out}
 * @param entries      directives changed after the requested sequence, in sequence order
 * @param last         the highest sequence of this page, or the requested one when the page is empty
 */
public record PermitFeedPage(String regionPolicy, List<PermitFeedEntry> entries, long last) {

    /** Region default {@code opt-in}: access only with an explicit permit. */
    public static final String OPT_IN = "opt-in";

    /** @return true when the region admits other organisations only with a permit directive */
    public boolean optIn() {
        return OPT_IN.equals(regionPolicy);
    }
}
