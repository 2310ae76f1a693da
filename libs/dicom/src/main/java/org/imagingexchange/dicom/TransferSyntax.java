package org.imagingexchange.dicom;

import java.util.Arrays;
import java.util.Optional;

/**
 * Transfer syntaxes the platform names, PS3.5 §10 and Annex A, UIDs from PS3.6 Annex A. Any other
 * transfer syntax UID is still accepted and carried as text; these are the ones code refers to.
 */
public enum TransferSyntax {
    IMPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2", false, false),
    EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1", false, false),
    DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1.99", false, false),
    EXPLICIT_VR_BIG_ENDIAN("1.2.840.10008.1.2.2", false, false),
    JPEG_BASELINE_8BIT("1.2.840.10008.1.2.4.50", true, true),
    JPEG_EXTENDED_12BIT("1.2.840.10008.1.2.4.51", true, true),
    JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", true, false),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", true, false),
    JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", true, false),
    JPEG_LS_NEAR_LOSSLESS("1.2.840.10008.1.2.4.81", true, true),
    JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", true, false),
    JPEG_2000("1.2.840.10008.1.2.4.91", true, true),
    MPEG2_MAIN_PROFILE("1.2.840.10008.1.2.4.100", true, true),
    MPEG4_HIGH_PROFILE("1.2.840.10008.1.2.4.102", true, true),
    HEVC_MAIN_PROFILE("1.2.840.10008.1.2.4.107", true, true),
    RLE_LOSSLESS("1.2.840.10008.1.2.5", true, false);

    private final String uid;
    private final boolean encapsulated;
    private final boolean lossy;

    TransferSyntax(String uid, boolean encapsulated, boolean lossy) {
        this.uid = uid;
        this.encapsulated = encapsulated;
        this.lossy = lossy;
    }

    /** @return the transfer syntax UID, PS3.6 Annex A */
    public String uid() {
        return uid;
    }

    /** @return whether pixel data is encapsulated (compressed fragments, PS3.5 §A.4) */
    public boolean isEncapsulated() {
        return encapsulated;
    }

    /** @return whether the compression may be lossy (PS3.5 §8.2) */
    public boolean isLossy() {
        return lossy;
    }

    /**
     * Looks a transfer syntax up by UID.
     *
     * @param uid transfer syntax UID, may be null
     * @return the named syntax, empty for UIDs not named here
     */
    public static Optional<TransferSyntax> byUid(String uid) {
        return Arrays.stream(values()).filter(t -> t.uid.equals(uid)).findFirst();
    }
}
