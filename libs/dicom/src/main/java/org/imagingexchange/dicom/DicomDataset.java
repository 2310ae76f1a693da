package org.imagingexchange.dicom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A DICOM data set (PS3.5 §7): elements in ascending tag order (unsigned), each at most once.
 * Mutable and not thread-safe: one owner builds it, then hands it on; the network port hands
 * every handler its own instance.
 */
public final class DicomDataset {

    private final TreeMap<Integer, DicomElement> elements = new TreeMap<>(Integer::compareUnsigned);

    /**
     * Adds or replaces an element.
     *
     * @param element the element, not null
     * @return this data set
     */
    public DicomDataset put(DicomElement element) {
        elements.put(element.tag(), element);
        return this;
    }

    /**
     * Sets text values of a dictionary element (its VR from {@link DicomAttribute}); PN values are
     * parsed into groups.
     *
     * @param attribute the element
     * @param values    values; none for an element present without value (universal matching key)
     * @return this data set
     */
    public DicomDataset putString(DicomAttribute attribute, String... values) {
        List<Object> list = new ArrayList<>();
        for (String v : values) {
            list.add(attribute.vr() == Vr.PN ? PersonName.parse(v) : toValue(attribute.vr(), v));
        }
        return put(new DicomElement(attribute.tag(), attribute.vr(), list, null, null));
    }

    /**
     * Sets the items of a sequence element.
     *
     * @param attribute a SQ element
     * @param items     the items
     * @return this data set
     */
    public DicomDataset putItems(DicomAttribute attribute, List<DicomDataset> items) {
        return put(DicomElement.of(attribute.tag(), Vr.SQ, items));
    }

    /**
     * @param tag the tag
     * @return the element, empty when absent
     */
    public Optional<DicomElement> get(int tag) {
        return Optional.ofNullable(elements.get(tag));
    }

    /**
     * @param attribute the element
     * @return the element, empty when absent
     */
    public Optional<DicomElement> get(DicomAttribute attribute) {
        return get(attribute.tag());
    }

    /**
     * The first value of an element as text.
     *
     * @param attribute the element
     * @return the value, null when the element is absent or empty
     */
    public String getString(DicomAttribute attribute) {
        return get(attribute).map(DicomElement::firstString).orElse(null);
    }

    /**
     * All values of an element as text (empty values as empty strings).
     *
     * @param attribute the element
     * @return the values, empty list when absent
     */
    public List<String> getStrings(DicomAttribute attribute) {
        List<String> out = new ArrayList<>();
        get(attribute).ifPresent(e -> e.values().forEach(v -> out.add(v == null ? ""
                : v instanceof PersonName pn ? pn.toDicomString() : v.toString())));
        return out;
    }

    /**
     * @param attribute a PN element
     * @return the first name, empty when absent or empty
     */
    public Optional<PersonName> getPersonName(DicomAttribute attribute) {
        return get(attribute).filter(e -> !e.values().isEmpty() && e.values().get(0) instanceof PersonName)
                .map(e -> (PersonName) e.values().get(0));
    }

    /**
     * @param attribute a SQ element
     * @return its items, empty when absent
     */
    public List<DicomDataset> getItems(DicomAttribute attribute) {
        return get(attribute).map(DicomElement::items).orElse(List.of());
    }

    /**
     * @param tag the tag
     * @return whether the element is present (with or without value)
     */
    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    /** @return the elements in ascending tag order, unmodifiable view */
    public Collection<DicomElement> elements() {
        return java.util.Collections.unmodifiableCollection(elements.values());
    }

    /** @return the number of elements */
    public int size() {
        return elements.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DicomDataset d && render(this).equals(render(d));
    }

    @Override
    public int hashCode() {
        return render(this).hashCode();
    }

    @Override
    public String toString() {
        return render(this);
    }

    private static String render(DicomDataset d) {
        StringBuilder sb = new StringBuilder("{");
        for (DicomElement e : d.elements.values()) {
            sb.append(Tag.toHex(e.tag())).append(' ').append(e.vr()).append('=').append(e.values());
            if (e.inlineBinary() != null) {
                sb.append(" bytes=").append(java.util.Base64.getEncoder().encodeToString(e.inlineBinary()));
            }
            if (e.bulkDataUri() != null) {
                sb.append(" uri=").append(e.bulkDataUri());
            }
            sb.append("; ");
        }
        return sb.append('}').toString();
    }

    private static Object toValue(Vr vr, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (vr.isInteger()) {
            return Long.parseLong(text.strip());
        }
        if (vr.isNumeric()) {
            return new java.math.BigDecimal(text.strip());
        }
        return text;
    }
}
