package org.imagingexchange.dicom;

/**
 * An Application Entity title, PS3.5 §6.2 (VR AE) and PS3.8 §7.1.1: 1 to 16 characters of the
 * default repertoire without backslash or control characters, not all spaces; leading and trailing
 * spaces are not significant, so they are removed.
 *
 * @param value the trimmed AE title, valid by construction
 */
public record AeTitle(String value) {

    /** Maximum length of an AE title, PS3.5 Table 6.2-1. */
    public static final int MAX_LENGTH = 16;

    /**
     * @param value the AE title, surrounding spaces are dropped
     * @throws IllegalArgumentException when the title is empty, too long or has a forbidden character
     */
    public AeTitle {
        if (value == null) {
            throw new IllegalArgumentException("an AE title is required");
        }
        value = value.strip();
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an AE title has 1 to 16 characters (PS3.5 §6.2), got '" + value + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '\\') {
                throw new IllegalArgumentException("an AE title has no control characters or backslash (PS3.5 §6.2)");
            }
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
