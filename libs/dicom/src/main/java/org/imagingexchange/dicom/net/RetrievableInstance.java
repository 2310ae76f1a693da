package org.imagingexchange.dicom.net;

import java.io.IOException;
import java.io.InputStream;

/**
 * An instance a C-GET or C-MOVE SCP handler selected for sending: its identity and a way to open
 * its Part 10 bytes (PS3.10 §7) wherever they live (local file, retrieval proxy, remote archive).
 */
public interface RetrievableInstance {

    /** @return the SOP Instance UID, for sub-operation bookkeeping and Failed SOP Instance UID List */
    String sopInstanceUid();

    /**
     * Opens the Part 10 bytes. Called once, on the association's thread, when the adapter is about
     * to send the instance; the adapter closes the stream.
     *
     * @return the Part 10 stream
     * @throws IOException when the bytes cannot be had; counted as a failed sub-operation
     */
    InputStream open() throws IOException;
}
