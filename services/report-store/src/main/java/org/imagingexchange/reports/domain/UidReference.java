package org.imagingexchange.reports.domain;

/**
 * A Study Instance UID candidate as the sender wrote it, with where it was found, so the rules can
 * name the exact element of a bad value (eHN A.1.8.10).
 *
 * @param location FHIRPath-ish location, e.g. {@code DiagnosticReport.identifier[0]}
 * @param system   identifier system as sent ({@code urn:dicom:uid} expected)
 * @param value    identifier value as sent ({@code urn:oid:<uid>} expected)
 */
public record UidReference(String location, String system, String value) {
}
