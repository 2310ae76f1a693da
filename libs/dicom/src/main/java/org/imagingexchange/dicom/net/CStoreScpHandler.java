package org.imagingexchange.dicom.net;

import org.imagingexchange.dicom.DimseStatus;

/**
 * Handles C-STORE requests that reached the SCP, PS3.4 §B.2.2 (the registry indexes the header).
 * The adapter has already checked the calling AE, read the data set completely and parsed it; a
 * broken or truncated data set is answered with a failure status by the adapter and never reaches
 * the handler. Threading: see package.
 */
@FunctionalInterface
public interface CStoreScpHandler {

    /**
     * Takes one stored instance's header.
     *
     * @param association who sent it
     * @param header      the header, without pixel data
     * @return the status to answer: SUCCESS or a warning (B000, B006, B007)
     * @throws DimseException with the failure status to answer (A700 out of resources, A900 data set
     *                        does not match SOP class, C000 cannot understand, 0124 not authorized)
     */
    DimseStatus store(AssociationInfo association, InstanceHeader header) throws DimseException;
}
