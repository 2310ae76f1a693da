package org.imagingexchange.registry.domain;

import java.util.Objects;

/**
 * Series level of the eHN imaging study manifest (data set B.1.4).
 *
 * @param seriesInstanceUid Series Instance UID (0020,000E), eHN B.1.4.2; required
 * @param modality          Modality (0008,0060), DICOM CID 29, eHN B.1.4.3; null when absent
 * @param seriesNumber      Series Number (0020,0011), eHN B.1.4.5; null when absent
 * @param seriesDescription Series Description (0008,103E), eHN B.1.4.1; null when absent
 * @param bodyPartExamined  Body Part Examined (0018,0015); null when absent
 * @param numberOfInstances Number of Series Related Instances (0020,1209), derived by counting
 */
public record Series(String seriesInstanceUid, String modality, Integer seriesNumber, String seriesDescription,
                     String bodyPartExamined, int numberOfInstances) {

    /** Compact constructor: the UID is required. */
    public Series {
        Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
    }

    /** @return this series with its instance count replaced by the counted one */
    public Series withNumberOfInstances(int count) {
        return new Series(seriesInstanceUid, modality, seriesNumber, seriesDescription, bodyPartExamined, count);
    }
}
