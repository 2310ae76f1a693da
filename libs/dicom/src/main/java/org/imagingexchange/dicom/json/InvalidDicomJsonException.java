package org.imagingexchange.dicom.json;

/**
 * A text is not valid DICOM JSON (PS3.18 Annex F): not JSON, a member name that is not a tag, an
 * unknown VR, a value that does not fit its VR. Services answer it with HTTP 400 (problem+json).
 */
public class InvalidDicomJsonException extends RuntimeException {

    /**
     * @param message what is wrong, naming the tag where known
     * @param cause   the parser's exception, may be null
     */
    public InvalidDicomJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
