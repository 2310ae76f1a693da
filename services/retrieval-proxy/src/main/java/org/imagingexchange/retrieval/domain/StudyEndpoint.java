package org.imagingexchange.retrieval.domain;

/**
 * A place the study can be retrieved from (eHN B.1.4.6 series endpoint; MADO Endpoint with
 * connectionType {@code dicom-wado-rs}).
 *
 * @param sourceId id of the source archive as configured in the registry, e.g. {@code hospital-a};
 *                 keys the source's credentials ({@code exchange.retrieval.source.<sourceId>.*})
 * @param address  WADO-RS base URL of the source (FHIR Endpoint.address)
 */
public record StudyEndpoint(String sourceId, String address) {
}
