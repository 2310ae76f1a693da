package org.imagingexchange.reports.domain;

/**
 * The eHN imaging report (data set A) elements this store requires, with their element ids as the HL7
 * Europe Imaging Report IG ({@code hl7.fhir.eu.imaging}, logical model {@code ehn-*}) transcribes them.
 */
public enum EhnElement {
    /** A.1.1 Patient: personal identifier with issuer. */
    PATIENT_IDENTIFIER("A.1.1", "Patient identifier"),
    /** A.1.5 Author (1..*, Xt-EHR). */
    AUTHOR("A.1.5", "Author"),
    /** A.1.8.1 Document type (LOINC; 18748-4 Diagnostic imaging study). */
    DOCUMENT_TYPE("A.1.8.1", "Document type"),
    /** A.1.8.2 Document status. */
    STATUS("A.1.8.2", "Report status"),
    /** A.1.8.3 Report date and time. */
    REPORT_DATE_TIME("A.1.8.3", "Report date-time"),
    /** A.1.8.10 Study Instance UID (0..* in eHN; the platform needs at least one to link report and study). */
    STUDY_INSTANCE_UID("A.1.8.10", "Study Instance UID"),
    /** A.5.1.1 Modality (1..*, DICOM CID 29). */
    MODALITY("A.5.1.1", "Modality"),
    /** A.5.5 Conclusion: impression (1..1, Xt-EHR). */
    IMPRESSION("A.5.5", "Impression");

    private final String id;
    private final String label;

    EhnElement(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** @return the eHN element id, e.g. {@code A.1.8.10} */
    public String id() {
        return id;
    }

    /** @return a short English label */
    public String label() {
        return label;
    }

    /** @return {@code "eHN <id> <label>: <what>"}, the message prefix of an issue about this element */
    public String message(String what) {
        return "eHN " + id + " " + label + ": " + what;
    }
}
