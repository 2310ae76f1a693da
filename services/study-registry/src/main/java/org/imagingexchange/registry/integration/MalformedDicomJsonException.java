package org.imagingexchange.registry.integration;

/** A QIDO-RS answer is not DICOM JSON as PS3.18 Annex F defines it; the adapter maps it to a 502 problem. */
public class MalformedDicomJsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is malformed, e.g. which attribute */
    public MalformedDicomJsonException(String message) {
        super(message);
    }
}
