package org.imagingexchange.dicom;

import java.util.Locale;

/**
 * Formatting and parsing of a data element tag, PS3.5 §7.1: a 32-bit value, group in the upper 16
 * bits and element in the lower 16, written as eight upper-case hex digits in DICOM JSON (PS3.18
 * §F.2.1.1) and as {@code (gggg,eeee)} in logs.
 */
public final class Tag {

    private Tag() {
    }

    /**
     * Renders a tag as the eight hex digits used as the DICOM JSON member name.
     *
     * @param tag the tag value
     * @return e.g. {@code "0020000D"}, never null
     */
    public static String toHex(int tag) {
        return String.format(Locale.ROOT, "%08X", tag);
    }

    /**
     * Parses the eight hex digits of a DICOM JSON member name.
     *
     * @param hex eight hex digits, upper or lower case
     * @return the tag value
     * @throws IllegalArgumentException when {@code hex} is not eight hex digits
     */
    public static int parseHex(String hex) {
        if (hex == null || hex.length() != 8) {
            throw new IllegalArgumentException("a tag is eight hex digits, got " + hex);
        }
        try {
            return Integer.parseUnsignedInt(hex, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a tag is eight hex digits, got " + hex, e);
        }
    }

    /**
     * Renders a tag as {@code (gggg,eeee)} for messages.
     *
     * @param tag the tag value
     * @return e.g. {@code "(0020,000D)"}
     */
    public static String toDisplay(int tag) {
        return String.format(Locale.ROOT, "(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    /**
     * Whether the tag belongs to a private group (odd group number, PS3.5 §7.8).
     *
     * @param tag the tag value
     * @return true for odd groups
     */
    public static boolean isPrivate(int tag) {
        return ((tag >>> 16) & 1) == 1;
    }
}
