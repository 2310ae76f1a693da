package org.imagingexchange.reports.domain;

import org.imagingexchange.kit.search.InvalidSearchParameterException;

/**
 * What a report search asks for; at least one criterion is set, all set criteria must match.
 *
 * @param patient          patient identifier (FHIR {@code patient:identifier}); null for any
 * @param studyInstanceUid linked study (A.1.8.10); null for any
 */
public record ReportCriteria(PatientIdentifier.Query patient, StudyInstanceUid studyInstanceUid) {

    /** Compact constructor: refuses an empty search (it would list every patient's reports). */
    public ReportCriteria {
        if (patient == null && studyInstanceUid == null) {
            throw new InvalidSearchParameterException("patient:identifier",
                    "a search needs patient:identifier, study-instance-uid or identifier=urn:dicom:uid|urn:oid:<uid>");
        }
    }
}
