package org.imagingexchange.reports.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * eHN A.1.8.10 Study Instance UID (DICOM (0020,000D)), with the UID syntax of DICOM PS3.5 §9.1:
 * at most 64 characters, dot-separated numeric components, no component with a leading zero
 * (except the single digit {@code 0}).
 *
 * @param value the UID without any {@code urn:oid:} prefix
 */
public record StudyInstanceUid(String value) {

    /** FHIR identifier system of DICOM UIDs (FHIR R4 ImagingStudy.identifier guidance). */
    public static final String SYSTEM = "urn:dicom:uid";
    /** Prefix of a UID written as a URI in FHIR identifiers. */
    public static final String URN_PREFIX = "urn:oid:";
    /** Maximum length of a UID (PS3.5 §9.1). */
    public static final int MAX_LENGTH = 64;

    private static final Pattern SYNTAX = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))+");

    /** Compact constructor: rejects anything that is not a valid UID. */
    public StudyInstanceUid {
        if (!valid(value)) {
            throw new IllegalArgumentException("not a DICOM UID: " + value);
        }
    }

    /** @return true when the text is a syntactically valid DICOM UID (PS3.5 §9.1) */
    public static boolean valid(String value) {
        return value != null && value.length() <= MAX_LENGTH && SYNTAX.matcher(value).matches();
    }

    /**
     * @param uri a FHIR identifier value such as {@code urn:oid:1.2.3}
     * @return the UID when the value is {@code urn:oid:} followed by a valid UID; empty otherwise
     */
    public static Optional<StudyInstanceUid> fromUrn(String uri) {
        if (uri == null || !uri.startsWith(URN_PREFIX)) {
            return Optional.empty();
        }
        String uid = uri.substring(URN_PREFIX.length());
        return valid(uid) ? Optional.of(new StudyInstanceUid(uid)) : Optional.empty();
    }

    /** @return the value as {@code urn:oid:<uid>} */
    public String urn() {
        return URN_PREFIX + value;
    }
}
