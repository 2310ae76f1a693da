package org.imagingexchange.dicom;

import java.util.Optional;

/**
 * A DICOM unique identifier, PS3.5 §9.1: at most 64 characters; components of digits separated by
 * single dots; a component is "0" or starts with a non-zero digit. The one UID rule of the platform;
 * every Study/Series/SOP Instance UID (eHN A.1.8.10, B.1.x) and SOP Class UID is checked here.
 *
 * @param value the UID text, valid by construction
 */
public record Uid(String value) {

    /** Maximum length of a UID, PS3.5 §9.1. */
    public static final int MAX_LENGTH = 64;

    /**
     * @param value the UID text
     * @throws InvalidUidException when {@code value} breaks PS3.5 §9.1
     */
    public Uid {
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidUidException(value, problem);
        }
    }

    /**
     * Whether a text is a valid UID.
     *
     * @param value candidate, may be null (not valid)
     * @return true when PS3.5 §9.1 holds
     */
    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    /**
     * Parses a UID without throwing.
     *
     * @param value candidate, may be null
     * @return the UID, empty when invalid
     */
    public static Optional<Uid> parse(String value) {
        return isValid(value) ? Optional.of(new Uid(value)) : Optional.empty();
    }

    /**
     * Explains why a text is not a UID.
     *
     * @param value candidate, may be null
     * @return a short reason, null when the text is a valid UID
     */
    public static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "a UID is not empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "a UID has at most 64 characters";
        }
        int componentStart = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == '.') {
                int length = i - componentStart;
                if (length == 0) {
                    return "a UID component is not empty";
                }
                if (length > 1 && value.charAt(componentStart) == '0') {
                    return "a UID component has no leading zero";
                }
                componentStart = i + 1;
            } else {
                char c = value.charAt(i);
                if (c < '0' || c > '9') {
                    return "a UID has only digits and dots";
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
