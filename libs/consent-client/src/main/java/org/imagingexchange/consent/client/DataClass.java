package org.imagingexchange.consent.client;

/** What kind of data a consent decision is about (eHN: imaging study manifest B, imaging report A). */
public enum DataClass {
    /** Imaging study manifest and images (eHN data set B; DICOM objects). */
    IMAGING_STUDY,
    /** Imaging report (eHN data set A; FHIR DiagnosticReport / Composition). */
    IMAGING_REPORT
}
