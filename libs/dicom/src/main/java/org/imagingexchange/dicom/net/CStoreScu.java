package org.imagingexchange.dicom.net;

import java.nio.file.Path;
import java.util.List;

/**
 * C-STORE as SCU, PS3.4 Annex B: sends Part 10 files to a peer in the transfer syntax they are
 * stored in (compressed ones included), all on one association. Threading: see package. The
 * adapter opens and closes the files.
 */
@FunctionalInterface
public interface CStoreScu {

    /**
     * Stores the files.
     *
     * @param remote the peer
     * @param files  Part 10 files (PS3.10 §7)
     * @return SUCCESS when all succeeded, else SUB_OPERATIONS_COMPLETE_WITH_FAILURES with counts
     * @throws DimseException when no association could be set up (rejection, transport)
     */
    TransferResult store(RemoteAe remote, List<Path> files) throws DimseException;
}
