package org.imagingexchange.reports.domain;

import java.time.Instant;
import java.util.List;

/**
 * The eHN data set A facts of one submitted imaging report, extracted from its FHIR form before
 * validation and storage. Every field is what the sender gave (not yet validated): absent values are
 * {@code null} (scalars) or empty lists.
 *
 * @param formIssues        problems of the FHIR form itself found while reading it (e.g. a document Bundle
 *                          without Composition); reported together with the element findings
 * @param basePath          FHIRPath-ish prefix of the report, e.g. {@code DiagnosticReport} or
 *                          {@code Bundle.entry.resource.ofType(DiagnosticReport)}; used in issue locations
 * @param documentBundle    true when the report arrived as a document Bundle (Composition + DiagnosticReport)
 * @param patient           A.1.1 patient identifier (subject identifier, or contained / bundled Patient); may be null
 * @param authors           A.1.5 authors (performer, resultsInterpreter, or Composition.author), as display text
 * @param status            A.1.8.2 DiagnosticReport.status as sent (raw code); may be null
 * @param reportDateTime    A.1.8.3 issued or effective[x] as sent (raw FHIR dateTime/instant); may be null
 * @param issued            DiagnosticReport.issued, when given; may be null
 * @param codes             A.1.8.1 DiagnosticReport.code codings; text-only codes count as one coding without system
 * @param studyUids         A.1.8.10 Study Instance UID candidates (identifiers with system {@code urn:dicom:uid})
 * @param accessionNumbers  A.1.8.11 accession numbers (identifier type ACSN); may be empty
 * @param modalities        A.5.1.1 modality codings (DiagnosticReport.category or ImagingStudy.modality)
 * @param conclusion        A.5.5 impression (DiagnosticReport.conclusion); may be null
 */
public record ReportSubmission(List<org.imagingexchange.kit.problem.ProblemException.Issue> formIssues, String basePath, boolean documentBundle, PatientIdentifier patient,
                               List<String> authors, String status, String reportDateTime, Instant issued,
                               List<Coding> codes, List<UidReference> studyUids, List<String> accessionNumbers,
                               List<Coding> modalities, String conclusion) {

    /** Compact constructor: lists become immutable copies, null lists empty. */
    public ReportSubmission {
        formIssues = formIssues == null ? List.of() : List.copyOf(formIssues);
        authors = authors == null ? List.of() : List.copyOf(authors);
        codes = codes == null ? List.of() : List.copyOf(codes);
        studyUids = studyUids == null ? List.of() : List.copyOf(studyUids);
        accessionNumbers = accessionNumbers == null ? List.of() : List.copyOf(accessionNumbers);
        modalities = modalities == null ? List.of() : List.copyOf(modalities);
    }

    /** @return the syntactically valid Study Instance UIDs among the candidates, de-duplicated, in order */
    public List<StudyInstanceUid> validStudyUids() {
        return studyUids.stream()
                .filter(u -> StudyInstanceUid.SYSTEM.equals(u.system()))
                .map(u -> StudyInstanceUid.fromUrn(u.value()))
                .flatMap(java.util.Optional::stream)
                .distinct()
                .toList();
    }
}
