package org.imagingexchange.retrieval.domain;

import java.util.regex.Pattern;

/**
 * Syntax check of a DICOM Unique Identifier (PS3.5 §9.1): numeric components separated by dots,
 * no component with a leading zero (a lone {@code 0} is allowed), at most 64 characters.
 */
public final class DicomUid {

    /** Maximum length of a UID value (PS3.5 §9.1, VR UI). */
    public static final int MAX_LENGTH = 64;

    private static final Pattern SYNTAX = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

    private DicomUid() {
    }

    /**
     * @param value candidate UID; may be null
     * @return true when the value is a syntactically valid UID
     */
    public static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH && SYNTAX.matcher(value).matches();
    }

    /**
     * @param parameter name of the request parameter that carried the value (for the problem report)
     * @param value     candidate UID; may be null
     * @return the value unchanged
     * @throws InvalidUidException (400) when the value is not a valid UID
     */
    public static String require(String parameter, String value) {
        if (!isValid(value)) {
            throw new InvalidUidException(parameter, value);
        }
        return value;
    }
}
