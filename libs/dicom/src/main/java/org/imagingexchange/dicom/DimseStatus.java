package org.imagingexchange.dicom;

import java.util.Arrays;
import java.util.Optional;

/**
 * DIMSE status codes the platform sends and understands, PS3.7 Annex C with the service-specific
 * meanings of PS3.4 (C-STORE B.2.3, C-FIND C.4.1.1.4, C-MOVE C.4.2.1.5, C-GET C.4.3.1.4). Where PS3.4
 * gives one code two names (A900 "Identifier" / "Data Set does not match SOP Class", C000 "Unable to
 * process" / "Cannot understand", B000 "Sub-operations complete - one or more failures" / "Coercion of
 * data elements") the constant carries both in its Javadoc. DIMSE errors become one of these in one
 * place per adapter.
 */
public enum DimseStatus {
    /** 0000: Success; for C-MOVE/C-GET "Sub-operations complete - no failures". */
    SUCCESS(0x0000),
    /** FF00: Pending - matches / sub-operations are continuing. */
    PENDING(0xFF00),
    /** FF01: Pending - matches are continuing, one or more optional keys not supported (C-FIND). */
    PENDING_OPTIONAL_KEYS_NOT_SUPPORTED(0xFF01),
    /** FE00: Cancel - matching or sub-operations terminated due to a C-CANCEL indication. */
    CANCEL(0xFE00),
    /** B000: Warning - sub-operations complete, one or more failures; C-STORE: coercion of data elements. */
    SUB_OPERATIONS_COMPLETE_WITH_FAILURES(0xB000),
    /** B006: Warning - elements discarded (C-STORE). */
    ELEMENTS_DISCARDED(0xB006),
    /** B007: Warning - data set does not match SOP class (C-STORE). */
    DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING(0xB007),
    /** A700: Refused - out of resources. */
    REFUSED_OUT_OF_RESOURCES(0xA700),
    /** A701: Refused - out of resources, unable to calculate number of matches (C-MOVE/C-GET). */
    REFUSED_OUT_OF_RESOURCES_NUMBER_OF_MATCHES(0xA701),
    /** A702: Refused - out of resources, unable to perform sub-operations (C-MOVE/C-GET). */
    REFUSED_OUT_OF_RESOURCES_SUB_OPERATIONS(0xA702),
    /** A801: Refused - move destination unknown (C-MOVE). */
    REFUSED_MOVE_DESTINATION_UNKNOWN(0xA801),
    /** A900: Error - identifier does not match SOP class; C-STORE: data set does not match SOP class. */
    IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS(0xA900),
    /** C000: Failed - unable to process; C-STORE: cannot understand. */
    UNABLE_TO_PROCESS(0xC000),
    /** 0110: Failure - processing failure (PS3.7 C.5.2). */
    PROCESSING_FAILURE(0x0110),
    /** 0111: Failure - duplicate SOP instance (PS3.7 C.5.4). */
    DUPLICATE_SOP_INSTANCE(0x0111),
    /** 0122: Refused - SOP class not supported (PS3.7 C.5.10). */
    REFUSED_SOP_CLASS_NOT_SUPPORTED(0x0122),
    /** 0124: Refused - not authorized (PS3.7 C.5.12); consent denial over DIMSE. */
    REFUSED_NOT_AUTHORIZED(0x0124);

    /** The class a status code falls into, PS3.7 Annex C. */
    public enum Category { SUCCESS, PENDING, CANCEL, WARNING, FAILURE }

    private final int code;

    DimseStatus(int code) {
        this.code = code;
    }

    /** @return the 16-bit status code sent in Status (0000,0900) */
    public int code() {
        return code;
    }

    /** @return this status' category */
    public Category category() {
        return categoryOf(code);
    }

    /**
     * Looks a status up by code.
     *
     * @param code a 16-bit status
     * @return the named status, empty for codes not named here (use {@link #categoryOf(int)})
     */
    public static Optional<DimseStatus> of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }

    /**
     * Classifies any status code per PS3.7 Annex C: 0000 success; FF00/FF01 pending; FE00 cancel;
     * 0001, Bxxx, 0107, 0116 warning; everything else (Axxx, Cxxx, 01xx, 02xx) failure.
     *
     * @param code a 16-bit status
     * @return the category
     */
    public static Category categoryOf(int code) {
        if (code == 0x0000) {
            return Category.SUCCESS;
        }
        if (code == 0xFF00 || code == 0xFF01) {
            return Category.PENDING;
        }
        if (code == 0xFE00) {
            return Category.CANCEL;
        }
        if (code == 0x0001 || (code & 0xF000) == 0xB000 || code == 0x0107 || code == 0x0116) {
            return Category.WARNING;
        }
        return Category.FAILURE;
    }

    /**
     * Renders a code as four hex digits, e.g. {@code A900}.
     *
     * @param code a 16-bit status
     * @return hex text
     */
    public static String hex(int code) {
        return String.format(java.util.Locale.ROOT, "%04X", code & 0xFFFF);
    }
}
