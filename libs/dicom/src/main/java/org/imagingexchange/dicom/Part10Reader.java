package org.imagingexchange.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads DICOM Part 10 files (PS3.10 §7) into the shared model without decompressing or keeping pixel
 * data: the result holds every element except Pixel Data (7FE0,0010) and its float variants, with
 * text decoded from the Specific Character Set (PS3.5 §6.1.2: Latin, Cyrillic, Greek, Hebrew,
 * Arabic, ISO 2022 Japanese/Korean, GB18030, UTF-8) to Java strings, and the File Meta elements
 * (group 0002) included. Implemented by the toolkit adapter; stateless and thread-safe.
 */
public interface Part10Reader {

    /**
     * Reads the header, stopping before Pixel Data; the rest of the stream is not read. The caller
     * owns and closes the stream.
     *
     * @param part10 a Part 10 stream (or a bare data set, whose transfer syntax is guessed)
     * @return the header
     * @throws InvalidDicomObjectException when the bytes are not a DICOM object
     * @throws IOException                 when the stream fails
     */
    DicomDataset readHeader(InputStream part10) throws InvalidDicomObjectException, IOException;

    /**
     * Reads the whole file to prove it complete (every declared length present, pixel data
     * included but not decompressed), then returns the header as {@link #readHeader} does. Used
     * before indexing anything received over the network.
     *
     * @param file a Part 10 file
     * @return the header
     * @throws InvalidDicomObjectException when the object is truncated, malformed or lacks SOP
     *                                     Class/Instance UID (C-STORE status C000 / A900)
     * @throws IOException                 when the file cannot be read
     */
    DicomDataset readVerified(Path file) throws InvalidDicomObjectException, IOException;
}
