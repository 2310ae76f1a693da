package org.imagingexchange.registry.domain;

/**
 * Where a study can be retrieved: a source archive's WADO-RS base URL (eHN B.1.4.6 series endpoint;
 * IHE MADO Endpoint with connectionType {@code dicom-wado-rs}).
 *
 * @param sourceId id of the source archive
 * @param address  WADO-RS base URL, e.g. {@code http://127.0.0.1:8042/dicom-web}
 */
public record Endpoint(String sourceId, String address) {
}
