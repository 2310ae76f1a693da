package org.imagingexchange.dicom;

/**
 * A text given as a UID breaks PS3.5 §9.1. Services turn it into HTTP 400 (problem+json) or, over
 * DIMSE, into status A900 / C000 (identifier does not match / unable to process).
 */
public class InvalidUidException extends IllegalArgumentException {

    private final String rejectedValue;

    /**
     * @param rejectedValue the text that was refused, may be null
     * @param reason why, in words
     */
    public InvalidUidException(String rejectedValue, String reason) {
        super("not a DICOM UID (PS3.5 §9.1): " + reason);
        this.rejectedValue = rejectedValue;
    }

    /** @return the refused text, may be null */
    public String rejectedValue() {
        return rejectedValue;
    }
}
