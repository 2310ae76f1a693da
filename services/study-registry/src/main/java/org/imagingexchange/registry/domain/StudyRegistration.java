package org.imagingexchange.registry.domain;

import java.util.List;
import java.util.Objects;

/**
 * One study a hospital system registers (IHE MADO manifest or a single FHIR ImagingStudy), already read
 * into the index's model: study level with the patient's identifiers, its series and instances as listed,
 * and the WADO-RS address it can be retrieved from (MADO {@code Endpoint.address},
 * connectionType {@code dicom-wado-rs}, eHN B.1.4.6).
 *
 * @param location        where the study stands in the request (a FHIRPath expression), for error reports
 * @param header          study level (counts ignored; they are derived again)
 * @param series          the series the manifest lists, each with its instances (may be empty)
 * @param endpointAddress WADO-RS base URL given for the study; null when the manifest names none
 */
public record StudyRegistration(String location, Study header, List<StudyManifest.SeriesManifest> series,
                                String endpointAddress) {

    /** Compact constructor: location and header are required; the list is copied. */
    public StudyRegistration {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(header, "header");
        series = List.copyOf(series);
    }
}
