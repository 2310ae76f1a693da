package org.imagingexchange.testsupport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Test helper: reads the SOP Instance UID (0008,0018) from a DICOM Part 10 file (PS3.10 §7.1) — the
 * one attribute the end-to-end tests compare. Walks the file meta information (explicit VR little
 * endian) and then the data set's leading elements in explicit or implicit VR little endian; for other
 * encodings (deflate, big endian) it falls back to Media Storage SOP Instance UID (0002,0003), which
 * PS3.10 requires to equal it.
 */
public final class DicomPart10 {

    /** (0002,0003) Media Storage SOP Instance UID. */
    private static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    /** (0002,0010) Transfer Syntax UID. */
    private static final int TRANSFER_SYNTAX_UID = 0x00020010;
    /** (0008,0018) SOP Instance UID. */
    private static final int SOP_INSTANCE_UID = 0x00080018;
    /** Implicit VR Little Endian (PS3.5 §A.1). */
    private static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    /** Deflated Explicit VR Little Endian (PS3.5 §A.5). */
    private static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    /** Explicit VR Big Endian (retired, PS3.5 §A.3). */
    private static final String BIG_ENDIAN = "1.2.840.10008.1.2.2";
    /** VRs with a 2-byte reserved field and a 4-byte length in explicit VR (PS3.5 §7.1.2). */
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");

    private DicomPart10() {
    }

    /**
     * @param file a DICOM Part 10 file
     * @return the SOP Instance UID, without padding
     * @throws IllegalArgumentException when the bytes are not a Part 10 file or the UID is missing
     */
    public static String sopInstanceUid(byte[] file) {
        if (file.length < 132 || !new String(file, 128, 4, StandardCharsets.US_ASCII).equals("DICM")) {
            throw new IllegalArgumentException("not a DICOM Part 10 file (no DICM prefix)");
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        b.position(132);
        String mediaStorageUid = null;
        String transferSyntax = null;
        while (b.remaining() >= 8 && (peekTag(b) >>> 16) == 0x0002) {
            int tag = readTag(b);
            String value = text(b, explicitLength(b));
            if (tag == MEDIA_STORAGE_SOP_INSTANCE_UID) {
                mediaStorageUid = value;
            } else if (tag == TRANSFER_SYNTAX_UID) {
                transferSyntax = value;
            }
        }
        Optional<String> fromDataSet = DEFLATED.equals(transferSyntax) || BIG_ENDIAN.equals(transferSyntax)
                ? Optional.empty() : findInDataSet(b, IMPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntax));
        String fallback = mediaStorageUid;
        return fromDataSet.or(() -> Optional.ofNullable(fallback))
                .orElseThrow(() -> new IllegalArgumentException("no SOP Instance UID"));
    }

    /**
     * @param file a DICOM Part 10 file
     * @return the offset of the data set: after the preamble, prefix and File Meta Information (group 0002,
     *         explicit VR little endian, PS3.10 §7.1), which a receiving AE writes itself
     * @throws IllegalArgumentException when the bytes are not a Part 10 file
     */
    public static int dataSetOffset(byte[] file) {
        if (file.length < 132 || !new String(file, 128, 4, StandardCharsets.US_ASCII).equals("DICM")) {
            throw new IllegalArgumentException("not a DICOM Part 10 file (no DICM prefix)");
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        b.position(132);
        while (b.remaining() >= 8 && (peekTag(b) >>> 16) == 0x0002) {
            readTag(b);
            long length = explicitLength(b);
            b.position(b.position() + (int) length);
        }
        return b.position();
    }

    private static Optional<String> findInDataSet(ByteBuffer b, boolean implicit) {
        while (b.remaining() >= 8) {
            int tag = readTag(b);
            long length = implicit ? Integer.toUnsignedLong(b.getInt()) : explicitLength(b);
            if (length == 0xFFFFFFFFL || length > b.remaining() || Integer.compareUnsigned(tag, SOP_INSTANCE_UID) > 0) {
                return Optional.empty();
            }
            if (tag == SOP_INSTANCE_UID) {
                return Optional.of(text(b, length));
            }
            b.position(b.position() + (int) length);
        }
        return Optional.empty();
    }

    private static int peekTag(ByteBuffer b) {
        int pos = b.position();
        int tag = readTag(b);
        b.position(pos);
        return tag;
    }

    private static int readTag(ByteBuffer b) {
        int group = Short.toUnsignedInt(b.getShort());
        int element = Short.toUnsignedInt(b.getShort());
        return group << 16 | element;
    }

    private static long explicitLength(ByteBuffer b) {
        byte[] vr = new byte[2];
        b.get(vr);
        if (LONG_VRS.contains(new String(vr, StandardCharsets.US_ASCII))) {
            b.getShort();
            return Integer.toUnsignedLong(b.getInt());
        }
        return Short.toUnsignedInt(b.getShort());
    }

    private static String text(ByteBuffer b, long length) {
        byte[] value = new byte[(int) length];
        b.get(value);
        return new String(value, StandardCharsets.US_ASCII).replace("\0", "").strip();
    }
}
