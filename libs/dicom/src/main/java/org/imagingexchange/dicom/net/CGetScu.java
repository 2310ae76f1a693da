package org.imagingexchange.dicom.net;

import java.io.IOException;
import org.imagingexchange.dicom.DicomDataset;

/**
 * C-GET as SCU, PS3.4 §C.4.3: retrieves instances from a peer archive over the same association
 * (the retrieval proxy's path to DIMSE-only sources). Threading: see package; {@code onInstance}
 * runs on the calling thread as each instance arrives, so the caller can stream it on without
 * holding the study in memory.
 */
@FunctionalInterface
public interface CGetScu {

    /** Receives one instance; the stream is closed by the adapter when the call returns. */
    @FunctionalInterface
    interface InstanceConsumer {
        /**
         * @param instance the instance just received
         * @throws IOException when the consumer cannot take it; the instance is counted as failed in
         *                     the result and the retrieval goes on (the peer has already been answered)
         */
        void accept(ReceivedInstance instance) throws IOException;
    }

    /**
     * Sends one C-GET-RQ and delivers each instance the peer stores back.
     *
     * @param remote     the peer
     * @param model      the information model
     * @param identifier unique keys of the level asked for, with Query/Retrieve Level
     * @param onInstance receives each instance
     * @return the final status and sub-operation counts
     * @throws DimseException with the peer's failure status (A701, A702, A900, C000, ...)
     */
    TransferResult get(RemoteAe remote, QueryRetrieveModel model, DicomDataset identifier,
            InstanceConsumer onInstance) throws DimseException;
}
