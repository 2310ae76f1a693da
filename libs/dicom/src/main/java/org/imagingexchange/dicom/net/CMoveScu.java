package org.imagingexchange.dicom.net;

import org.imagingexchange.dicom.AeTitle;
import org.imagingexchange.dicom.DicomDataset;

/**
 * C-MOVE as SCU, PS3.4 §C.4.2: asks a peer archive to send instances to a destination AE it knows
 * (possibly our own SCP). Threading: see package.
 */
@FunctionalInterface
public interface CMoveScu {

    /**
     * Sends one C-MOVE-RQ and waits for the final response.
     *
     * @param remote      the peer that holds the instances
     * @param model       the information model
     * @param identifier  unique keys of the level asked for, with Query/Retrieve Level
     * @param destination Move Destination (0000,0600), an AE the peer has configured
     * @return the final status and sub-operation counts
     * @throws DimseException with the peer's failure status (A801 destination unknown, A701, A702,
     *                        A900, C000, ...)
     */
    TransferResult move(RemoteAe remote, QueryRetrieveModel model, DicomDataset identifier, AeTitle destination)
            throws DimseException;
}
