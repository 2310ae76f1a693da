package org.imagingexchange.registry.domain;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Port to the platform's own WADO-RS Retrieve (PS3.18 §10.4, the retrieval proxy), which reaches the study
 * wherever it lives (DICOMweb or DIMSE-only archive) and decides consent and writes the audit record for the
 * requester it is called for. Used by the C-GET / C-MOVE SCP. Implementations are thread-safe; each
 * {@link Parts} is used by one thread.
 */
public interface WadoRsRetrieval {

    /**
     * Starts one retrieval: of a study, a series or an instance, as {@code multipart/related;
     * type="application/dicom"} in the transfer syntax stored at the source.
     *
     * @param studyInstanceUid  the study, required
     * @param seriesInstanceUid the series, null for the whole study
     * @param sopInstanceUid    the instance, null for the whole series or study (then the series is required)
     * @param requester         who the retrieval is for (consent and audit as for the requester's own request)
     * @return the parts as they arrive; the caller closes it
     * @throws IOException when the retrieval is refused or fails before the first part (status in the message)
     */
    Parts open(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid, Requester requester)
            throws IOException;

    /** The Part 10 instances of one retrieval, in arrival order. */
    interface Parts extends Closeable {
        /**
         * @return the next instance's Part 10 bytes, valid until the next call or close; null after the last
         * @throws IOException when the response breaks off
         */
        InputStream next() throws IOException;
    }
}
