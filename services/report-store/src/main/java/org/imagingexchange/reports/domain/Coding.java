package org.imagingexchange.reports.domain;

/**
 * A code from a code system (FHIR {@code Coding} reduced to what the rules look at).
 *
 * @param system code system URI, e.g. {@code http://loinc.org}; empty when absent
 * @param code   the code, e.g. {@code 18748-4}; empty when absent
 */
public record Coding(String system, String code) {

    /** LOINC code system URI. */
    public static final String LOINC = "http://loinc.org";
    /** DICOM Controlled Terminology (PS3.16), home of CID 29 acquisition modality codes. */
    public static final String DICOM_DCM = "http://dicom.nema.org/resources/ontology/DCM";

    /** Compact constructor: null becomes empty. */
    public Coding {
        system = system == null ? "" : system;
        code = code == null ? "" : code;
    }

    /** @return true when both system and code are non-blank */
    public boolean complete() {
        return !system.isBlank() && !code.isBlank();
    }
}
