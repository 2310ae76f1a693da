package org.imagingexchange.registry.domain;

import java.util.Set;

/**
 * The QIDO-RS {@code includefield} selection (PS3.18 §8.3.4.3): attributes to return beyond the
 * default ones, or {@code all}.
 *
 * @param all        true for {@code includefield=all}
 * @param attributes additionally requested attributes
 */
public record FieldSelection(boolean all, Set<DicomAttribute> attributes) {

    /** No includefield given: the default attributes of PS3.18 Table 10.6.3-3 and following. */
    public static final FieldSelection DEFAULT = new FieldSelection(false, Set.of());

    /** Compact constructor: copies the set. */
    public FieldSelection {
        attributes = Set.copyOf(attributes);
    }

    /** @return true when the attribute was asked for (or {@code all} was) */
    public boolean includes(DicomAttribute attribute) {
        return all || attributes.contains(attribute);
    }
}
