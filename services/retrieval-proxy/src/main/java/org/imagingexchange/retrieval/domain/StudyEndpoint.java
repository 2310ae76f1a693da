package org.imagingexchange.retrieval.domain;

/**
 * A place the study can be retrieved from (eHN B.1.4.6 series endpoint; MADO Endpoint with
 * connectionType {@code dicom-wado-rs}), or a DIMSE-only archive reached by C-GET.
 *
 * @param sourceId id of the source archive as configured in the registry, e.g. {@code hospital-a};
 *                 keys the source's credentials ({@code exchange.retrieval.source.<sourceId>.*})
 * @param address  WADO-RS base URL of the source (FHIR Endpoint.address), or the DICOM address
 *                 {@code dicom://AE_TITLE@host:port} of a DIMSE-only archive
 */
public record StudyEndpoint(String sourceId, String address) {

    /** @return true when the address is a DICOM address ({@code dicom://}): the source is retrieved by C-GET */
    public boolean dimse() {
        return address != null && address.regionMatches(true, 0, "dicom://", 0, "dicom://".length());
    }
}
