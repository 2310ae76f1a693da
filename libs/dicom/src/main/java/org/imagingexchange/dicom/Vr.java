package org.imagingexchange.dicom;

/**
 * Value Representation of a data element, PS3.5 §6.2 Table 6.2-1.
 *
 * <p>The grouping methods tell the DICOM JSON model (PS3.18 §F.2.3) which JSON member carries the
 * value: {@code Value} with strings, numbers, person names or items, or {@code InlineBinary} /
 * {@code BulkDataURI} for binary VRs.
 */
public enum Vr {
    AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH, SL, SQ, SS, ST, SV,
    TM, UC, UI, UL, UN, UR, US, UT, UV;

    /**
     * Whether values of this VR are binary and are carried as {@code InlineBinary} or
     * {@code BulkDataURI} in DICOM JSON (PS3.18 §F.2.7).
     *
     * @return true for OB, OD, OF, OL, OV, OW and UN
     */
    public boolean isBinary() {
        return switch (this) {
            case OB, OD, OF, OL, OV, OW, UN -> true;
            default -> false;
        };
    }

    /**
     * Whether values of this VR are JSON numbers in DICOM JSON (PS3.18 §F.2.3: DS, IS are numbers too).
     *
     * @return true for the binary numeric VRs and DS, IS
     */
    public boolean isNumeric() {
        return switch (this) {
            case DS, FD, FL, IS, SL, SS, SV, UL, US, UV -> true;
            default -> false;
        };
    }

    /**
     * Whether values of this VR are integers (as opposed to decimals) in DICOM JSON.
     *
     * @return true for IS, SL, SS, SV, UL, US, UV
     */
    public boolean isInteger() {
        return switch (this) {
            case IS, SL, SS, SV, UL, US, UV -> true;
            default -> false;
        };
    }

    /**
     * Whether a text value of this VR may hold several values separated by backslash (PS3.5 §6.4);
     * LT, ST, UT and UR never do.
     *
     * @return false for LT, ST, UT, UR, true for other string VRs
     */
    public boolean isMultiValuedText() {
        return switch (this) {
            case LT, ST, UT, UR -> false;
            default -> !isBinary() && this != SQ;
        };
    }
}
