package org.imagingexchange.dicom.net;

/**
 * The peer accepted the TCP connection (or did not answer the connect) but then sent nothing for the
 * configured read timeout: no A-ASSOCIATE-AC/RJ (PS3.8 §9.3.3), or no DIMSE response or further data
 * while one was awaited. The association is aborted. A {@link DimseTransportException}, so callers that
 * treat an unreachable peer as unavailable need no change; services that tell "too slow" from "down"
 * map this one to HTTP 504.
 */
public class DimseTimeoutException extends DimseTransportException {

    /**
     * @param message what timed out, naming the peer and the timeout
     * @param cause   the I/O or toolkit exception, may be null
     */
    public DimseTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
