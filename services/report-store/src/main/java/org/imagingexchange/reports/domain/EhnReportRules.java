package org.imagingexchange.reports.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.imagingexchange.kit.problem.ProblemException.Issue;

/**
 * The eHN imaging report rule set (data set A with the Xt-EHR cardinalities) this store enforces on
 * intake. Pure: it looks only at a {@link ReportSubmission} and reports every missing or malformed
 * element at once, each issue naming the eHN element id (in the message) and a FHIRPath-ish location.
 *
 * <p>Decisions: A.1.8.1 requires a LOINC coding in {@code DiagnosticReport.code} (18748-4 "Diagnostic
 * imaging study" is the expected one; other LOINC report types such as 18747-6 "CT Study report" are
 * accepted because the IG's value set holds them too). A.5.1.1 requires at least one DICOM CID 29 coding
 * (system {@code http://dicom.nema.org/resources/ontology/DCM}). A.1.8.10 requires at least one valid
 * Study Instance UID, and every {@code urn:dicom:uid} identifier given must be valid.
 * Thread-safe (stateless).
 */
public class EhnReportRules {

    /** DiagnosticReport.status codes of FHIR R4 (value set diagnostic-report-status). */
    public static final Set<String> STATUS_CODES = Set.of("registered", "partial", "preliminary", "final",
            "amended", "corrected", "appended", "cancelled", "entered-in-error", "unknown");

    /**
     * Checks a submission.
     *
     * @param report the extracted facts; not null
     * @return every finding, in eHN element order; empty when the report is complete
     */
    public List<Issue> check(ReportSubmission report) {
        String base = report.basePath();
        List<Issue> issues = new ArrayList<>(report.formIssues());
        if (report.patient() == null) {
            issues.add(new Issue(base + ".subject.identifier", EhnElement.PATIENT_IDENTIFIER.message(
                    "required: DiagnosticReport.subject must carry an identifier with a value (logical reference,"
                            + " contained Patient" + (report.documentBundle() ? " or the Bundle's Patient" : "") + ")")));
        }
        if (report.authors().isEmpty()) {
            issues.add(new Issue(base + ".performer", EhnElement.AUTHOR.message(
                    "at least one author is required (DiagnosticReport.performer or resultsInterpreter"
                            + (report.documentBundle() ? ", or Composition.author" : "") + ")")));
        }
        checkDocumentType(report, base, issues);
        checkStatus(report, base, issues);
        if (blank(report.reportDateTime())) {
            issues.add(new Issue(base + ".issued", EhnElement.REPORT_DATE_TIME.message(
                    "required: DiagnosticReport.issued or effective[x]")));
        }
        checkStudyUids(report, base, issues);
        if (report.modalities().stream().noneMatch(c -> Coding.DICOM_DCM.equals(c.system()) && !c.code().isBlank())) {
            issues.add(new Issue(base + ".category", EhnElement.MODALITY.message(
                    "at least one modality coding with system " + Coding.DICOM_DCM
                            + " (DICOM CID 29, e.g. CT) is required in DiagnosticReport.category"
                            + " (or in the modality of the referenced ImagingStudy)")));
        }
        if (blank(report.conclusion())) {
            issues.add(new Issue(base + ".conclusion", EhnElement.IMPRESSION.message(
                    "required: DiagnosticReport.conclusion (1..1)")));
        }
        return issues;
    }

    /**
     * Checks a submission and refuses it when incomplete.
     *
     * @param report the extracted facts; not null
     * @throws ReportValidationException (422) carrying every finding
     */
    public void validate(ReportSubmission report) {
        List<Issue> issues = check(report);
        if (!issues.isEmpty()) {
            throw new ReportValidationException(issues);
        }
    }

    private static void checkDocumentType(ReportSubmission report, String base, List<Issue> issues) {
        if (report.codes().isEmpty()) {
            issues.add(new Issue(base + ".code", EhnElement.DOCUMENT_TYPE.message(
                    "required: DiagnosticReport.code (LOINC 18748-4 Diagnostic imaging study)")));
        } else if (report.codes().stream().noneMatch(c -> Coding.LOINC.equals(c.system()) && !c.code().isBlank())) {
            issues.add(new Issue(base + ".code.coding", EhnElement.DOCUMENT_TYPE.message(
                    "a LOINC coding (system " + Coding.LOINC + ", expected 18748-4) is required")));
        }
    }

    private static void checkStatus(ReportSubmission report, String base, List<Issue> issues) {
        if (blank(report.status())) {
            issues.add(new Issue(base + ".status", EhnElement.STATUS.message("required: DiagnosticReport.status")));
        } else if (!STATUS_CODES.contains(report.status())) {
            issues.add(new Issue(base + ".status", EhnElement.STATUS.message(
                    "'" + report.status() + "' is not a DiagnosticReport status code (one of " + sorted(STATUS_CODES) + ")")));
        }
    }

    private static void checkStudyUids(ReportSubmission report, String base, List<Issue> issues) {
        boolean anyValid = false;
        for (UidReference uid : report.studyUids()) {
            if (!StudyInstanceUid.SYSTEM.equals(uid.system())) {
                continue;
            }
            if (StudyInstanceUid.fromUrn(uid.value()).isPresent()) {
                anyValid = true;
            } else {
                issues.add(new Issue(uid.location() + ".value", EhnElement.STUDY_INSTANCE_UID.message(
                        "'" + uid.value() + "' is not urn:oid: followed by a DICOM UID (PS3.5 §9.1: digits and dots,"
                                + " no leading zeros, at most 64 characters)")));
            }
        }
        if (!anyValid && report.studyUids().stream().noneMatch(u -> StudyInstanceUid.SYSTEM.equals(u.system()))) {
            issues.add(new Issue(base + ".identifier", EhnElement.STUDY_INSTANCE_UID.message(
                    "at least one Study Instance UID is required, as DiagnosticReport.identifier or"
                            + " imagingStudy.identifier with system " + StudyInstanceUid.SYSTEM + " and value urn:oid:<uid>")));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String sorted(Set<String> codes) {
        return String.join(", ", codes.stream().sorted().toList());
    }
}
