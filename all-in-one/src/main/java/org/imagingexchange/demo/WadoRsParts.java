package org.imagingexchange.demo;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;

/**
 * Reads a WADO-RS {@code multipart/related; type="application/dicom"} response (PS3.18 §8.6.1.2):
 * the parts are split by Apache James Mime4j, each part's SOP Instance UID (0008,0018) is read by
 * PixelMed from the DICOM Part 10 bytes.
 */
final class WadoRsParts {

    /**
     * One received instance.
     *
     * @param sopInstanceUid SOP Instance UID read from the object
     * @param bytes          size of the part body in bytes
     * @param dataSetBytes   size of its data set: the part without preamble and File Meta Information
     */
    record Part(String sopInstanceUid, long bytes, long dataSetBytes) {
    }

    private WadoRsParts() {
    }

    /**
     * @param body        the response body (closed by the caller)
     * @param contentType the response's Content-Type, with its boundary
     * @return the parts in the order received
     * @throws IOException when the body cannot be read or a part is not DICOM
     */
    static List<Part> read(InputStream body, String contentType) throws IOException {
        MimeConfig config = MimeConfig.custom().setMaxLineLen(-1).setMaxHeaderLen(-1).setMaxHeaderCount(-1).build();
        MimeTokenStream stream = new MimeTokenStream(config);
        stream.parseHeadless(body, contentType);
        List<Part> parts = new ArrayList<>();
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                if (state == EntityState.T_BODY) {
                    byte[] bytes = stream.getInputStream().readAllBytes();
                    parts.add(new Part(sopInstanceUid(bytes), bytes.length, bytes.length - dataSetOffset(bytes)));
                }
            }
        } catch (MimeException e) {
            throw new IOException("not a well-formed multipart/related body: " + e.getMessage(), e);
        }
        return parts;
    }

    /**
     * @param part10 a DICOM Part 10 file
     * @return where its data set starts: after the 128-byte preamble, {@code DICM} and the File Meta Information,
     *         whose length is File Meta Information Group Length (0002,0000), PS3.10 §7.1
     * @throws IllegalArgumentException when the bytes do not start that way
     */
    static int dataSetOffset(byte[] part10) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(part10).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        if (part10.length < 144 || b.getInt(128) != 0x4D434944 || b.getInt(132) != 0x00000002
                || b.getShort(136) != 0x4C55) {
            throw new IllegalArgumentException("not a Part 10 file starting with (0002,0000) UL");
        }
        return 144 + b.getInt(140);
    }

    private static String sopInstanceUid(byte[] part10) throws IOException {
        AttributeList attributes = new AttributeList();
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(part10))) {
            attributes.read(in, TagFromName.PixelData);
        } catch (DicomException e) {
            throw new IOException("part is not a DICOM object: " + e.getMessage(), e);
        }
        return Attribute.getSingleStringValueOrEmptyString(attributes, TagFromName.SOPInstanceUID);
    }
}
