package org.imagingexchange.dicom.net;

import org.imagingexchange.dicom.DimseStatus;

/**
 * The peer could not be reached, aborted the association (A-ABORT, PS3.8 §7.3) or broke the
 * protocol; no DIMSE status was received. Carries {@link DimseStatus#UNABLE_TO_PROCESS} so an SCP
 * relaying the failure has a status to send; services map it to HTTP 502/504.
 */
public class DimseTransportException extends DimseException {

    /**
     * @param message what failed, naming the peer
     * @param cause   the I/O or toolkit exception
     */
    public DimseTransportException(String message, Throwable cause) {
        super(DimseStatus.UNABLE_TO_PROCESS.code(), message, cause);
    }
}
