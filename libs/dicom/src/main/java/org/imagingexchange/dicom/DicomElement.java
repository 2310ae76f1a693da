package org.imagingexchange.dicom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One data element of a data set, PS3.5 §7.1, in decoded form: text values as Java strings (already
 * decoded from the Specific Character Set), PN values as {@link PersonName}, numbers as
 * {@link Number}, sequence items as {@link DicomDataset}; binary values either inline bytes or a
 * reference to bulk data (PS3.18 §F.2.7 {@code InlineBinary} / {@code BulkDataURI}).
 *
 * @param tag          the tag
 * @param vr           the value representation
 * @param values       the values in order; an entry may be null for an empty value among several
 *                     (PS3.18 §F.2.5); empty list when the element is present without value
 * @param inlineBinary binary value for binary VRs, null when absent
 * @param bulkDataUri  where the binary value can be fetched, null when absent
 */
public record DicomElement(int tag, Vr vr, List<Object> values, byte[] inlineBinary, String bulkDataUri) {

    /**
     * @throws NullPointerException when {@code vr} is null
     * @throws IllegalArgumentException when a value does not fit the VR
     */
    public DicomElement {
        Objects.requireNonNull(vr, "vr");
        values = values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
        for (Object v : values) {
            if (v != null && !fits(vr, v)) {
                throw new IllegalArgumentException(Tag.toDisplay(tag) + " " + vr + " cannot hold a " + v.getClass().getSimpleName());
            }
        }
    }

    /**
     * An element with values.
     *
     * @param tag    the tag
     * @param vr     the VR
     * @param values values matching the VR (String, PersonName, Number or DicomDataset)
     * @return the element
     */
    public static DicomElement of(int tag, Vr vr, List<?> values) {
        return new DicomElement(tag, vr, new ArrayList<>(values), null, null);
    }

    /**
     * The first value as text: strings as is, names as their DICOM string, numbers in decimal.
     *
     * @return the first value as text, null when there is none
     */
    public String firstString() {
        if (values.isEmpty() || values.get(0) == null) {
            return null;
        }
        Object v = values.get(0);
        return v instanceof PersonName pn ? pn.toDicomString() : v.toString();
    }

    /** @return the sequence items; empty for non-SQ elements */
    public List<DicomDataset> items() {
        if (vr != Vr.SQ) {
            return List.of();
        }
        List<DicomDataset> items = new ArrayList<>();
        for (Object v : values) {
            items.add((DicomDataset) v);
        }
        return items;
    }

    private static boolean fits(Vr vr, Object v) {
        if (vr == Vr.SQ) {
            return v instanceof DicomDataset;
        }
        if (vr == Vr.PN) {
            return v instanceof PersonName;
        }
        if (vr.isNumeric()) {
            return v instanceof Number;
        }
        return v instanceof String && !vr.isBinary();
    }
}
