package org.imagingexchange.dicom.net;

import java.io.IOException;
import java.io.InputStream;

/**
 * An instance a C-GET or C-MOVE SCP handler selected for sending: its identity and a way to open
 * its Part 10 bytes (PS3.10 §7) wherever they live (local file, retrieval proxy, remote archive).
 * The adapter opens the instances one after the other, in list order, each just before its C-STORE
 * sub-operation (C-GET; C-MOVE opens them all before the sub-operations' association, whose
 * presentation contexts depend on them), and closes every instance exactly once, sent or not.
 */
public interface RetrievableInstance extends AutoCloseable {

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

    /**
     * Releases what the instance holds beyond the stream {@link #open()} returned (e.g. the response
     * that several instances are read from). Called once, on the association's thread, after the
     * instance was sent, failed, or will not be sent (C-CANCEL, association end). Default: nothing.
     */
    @Override
    default void close() {
    }
}
