package org.imagingexchange.dicom;

/**
 * A byte sequence is not a complete, well-formed DICOM object (PS3.5 §7, PS3.10 §7): truncated,
 * malformed, or missing the SOP Common identifiers. Over DIMSE it becomes C-STORE status C000
 * (cannot understand) or A900 (data set does not match SOP class); over HTTP a 400 problem+json.
 */
public class InvalidDicomObjectException extends Exception {

    private final transient DimseStatus status;

    /**
     * @param status  the DIMSE status it maps to (C000 or A900)
     * @param message what is wrong, no patient data
     * @param cause   the toolkit's exception, may be null
     */
    public InvalidDicomObjectException(DimseStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** @return the DIMSE status a C-STORE SCP answers with */
    public DimseStatus status() {
        return status;
    }
}
