package org.imagingexchange.dicom;

/**
 * A Person Name value, PS3.5 §6.2.1: up to three component groups separated by {@code =}:
 * alphabetic, ideographic and phonetic; each group has up to five components separated by
 * {@code ^} (family, given, middle, prefix, suffix). In DICOM JSON (PS3.18 §F.2.2) the groups are the
 * members {@code Alphabetic}, {@code Ideographic} and {@code Phonetic}.
 *
 * @param alphabetic  alphabetic group, null when absent
 * @param ideographic ideographic group, null when absent
 * @param phonetic    phonetic group, null when absent
 */
public record PersonName(String alphabetic, String ideographic, String phonetic) {

    /**
     * @param alphabetic  alphabetic group, null or empty when absent
     * @param ideographic ideographic group, null or empty when absent
     * @param phonetic    phonetic group, null or empty when absent
     */
    public PersonName {
        alphabetic = blankToNull(alphabetic);
        ideographic = blankToNull(ideographic);
        phonetic = blankToNull(phonetic);
    }

    /**
     * Parses a decoded PN value such as {@code Yamada^Tarou=山田^太郎=やまだ^たろう} (PS3.5 §H.3.1).
     *
     * @param value one PN value (no backslash), may be null or empty
     * @return the name; all groups null for an empty value
     */
    public static PersonName parse(String value) {
        if (value == null) {
            return new PersonName(null, null, null);
        }
        String[] groups = value.split("=", -1);
        return new PersonName(groups[0], groups.length > 1 ? groups[1] : null, groups.length > 2 ? groups[2] : null);
    }

    /** @return whether no group has a value */
    public boolean isEmpty() {
        return alphabetic == null && ideographic == null && phonetic == null;
    }

    /** @return the family name (first component of the alphabetic group), null when absent */
    public String familyName() {
        return alphabetic == null ? null : blankToNull(alphabetic.split("\\^", -1)[0]);
    }

    /**
     * Renders the value as stored in a data set, dropping trailing empty groups (PS3.5 §6.2.1).
     *
     * @return e.g. {@code Wang^XiaoDong=王^小東}; empty string for an empty name
     */
    public String toDicomString() {
        String a = alphabetic == null ? "" : alphabetic;
        if (phonetic != null) {
            return a + "=" + (ideographic == null ? "" : ideographic) + "=" + phonetic;
        }
        if (ideographic != null) {
            return a + "=" + ideographic;
        }
        return a;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
