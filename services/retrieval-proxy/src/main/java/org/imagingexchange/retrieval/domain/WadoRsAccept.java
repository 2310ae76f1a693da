package org.imagingexchange.retrieval.domain;

/**
 * Chooses the {@code Accept} header sent to the source archive (PS3.18 §8.7.3, §10.4.3): the client's
 * own Accept passes through unchanged, so the source does the transfer-syntax negotiation; a missing,
 * blank or universal ({@code *}{@code /*}) Accept becomes the WADO-RS default of the resource.
 */
public final class WadoRsAccept {

    /** Default for DICOM instances: multipart of Part 10 objects in any transfer syntax the source has. */
    public static final String DEFAULT_INSTANCES = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    /** Default for the metadata resources: DICOM JSON (PS3.18 F.2). */
    public static final String DEFAULT_METADATA = "application/dicom+json";

    private WadoRsAccept() {
    }

    /**
     * @param clientAccept the client's Accept header value(s), joined by commas; may be null
     * @param metadata     true for the {@code /metadata} resources
     * @return the Accept value for the source; never null or blank
     */
    public static String upstream(String clientAccept, boolean metadata) {
        if (isUniversal(clientAccept)) {
            return metadata ? DEFAULT_METADATA : DEFAULT_INSTANCES;
        }
        return clientAccept.strip();
    }

    /** @return true when the Accept value expresses no preference: absent, blank, or only {@code *}{@code /*} */
    static boolean isUniversal(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].strip();
            if (!type.isEmpty() && !type.equals("*/*")) {
                return false;
            }
        }
        return true;
    }
}
