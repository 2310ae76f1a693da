package org.imagingexchange.dicom.net;

import java.util.Optional;
import org.imagingexchange.dicom.DimseStatus;

/**
 * A DIMSE operation ended in failure (PS3.7 Annex C). An SCU throws it with the status the peer
 * answered; an SCP handler throws it with the status the peer must receive - the adapter sends
 * exactly {@link #statusCode()}. Transport and association failures are the subclasses
 * {@link AssociationRejectedException} and {@link DimseTransportException}.
 */
public class DimseException extends Exception {

    private final int statusCode;

    /**
     * @param status  the failure status
     * @param message what failed, for logs and Error Comment (0000,0902); no patient data
     */
    public DimseException(DimseStatus status, String message) {
        this(status.code(), message, null);
    }

    /**
     * @param statusCode a 16-bit status code, also codes {@link DimseStatus} does not name
     * @param message    what failed
     * @param cause      underlying exception, may be null
     */
    public DimseException(int statusCode, String message, Throwable cause) {
        super(message + " (status " + DimseStatus.hex(statusCode) + ")", cause);
        this.statusCode = statusCode;
    }

    /** @return the 16-bit status code */
    public int statusCode() {
        return statusCode;
    }

    /** @return the named status, empty for codes not named in {@link DimseStatus} */
    public Optional<DimseStatus> status() {
        return DimseStatus.of(statusCode);
    }
}
