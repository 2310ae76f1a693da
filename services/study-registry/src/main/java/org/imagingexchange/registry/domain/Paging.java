package org.imagingexchange.registry.domain;

import java.util.List;

/**
 * QIDO-RS {@code offset} and {@code limit} (PS3.18 §8.3.4.4), applied AFTER consent filtering. A limit
 * above {@link #MAX_LIMIT} is reduced to it and the answer carries a {@code Warning} (PS3.18 §8.3.4.4).
 *
 * @param offset       number of matches to skip, &gt;= 0
 * @param limit        maximum number of matches to return, 1..{@link #MAX_LIMIT}
 * @param limitReduced true when the client asked for more than {@link #MAX_LIMIT}
 */
public record Paging(int offset, int limit, boolean limitReduced) {

    /** The largest page the registry returns; also the page size when the client sets no limit. */
    public static final int MAX_LIMIT = 1000;

    /** Offset 0, {@link #MAX_LIMIT} results. */
    public static final Paging DEFAULT = new Paging(0, MAX_LIMIT);

    /**
     * @param offset number of matches to skip
     * @param limit  maximum number of matches
     */
    public Paging(int offset, int limit) {
        this(offset, limit, false);
    }

    /**
     * @param all every permitted match, in result order
     * @param <T> element type
     * @return the page of {@code all} this paging selects; empty when offset is past the end
     */
    public <T> List<T> apply(List<T> all) {
        if (offset >= all.size()) {
            return List.of();
        }
        return List.copyOf(all.subList(offset, (int) Math.min(all.size(), (long) offset + limit)));
    }
}
