package org.imagingexchange.reports.api;

import ca.uhn.fhir.parser.DataFormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.imagingexchange.kit.problem.ProblemException.Issue;
import org.imagingexchange.reports.domain.ReportSubmission;

/**
 * Turns an HL7 Europe Imaging Report document {@code Bundle} (type {@code document}: Composition first,
 * then DiagnosticReport, Patient, authors, ImagingStudy, ...) into the one stand-alone DiagnosticReport
 * the store keeps: the Bundle resources the report refers to (subject, performer, resultsInterpreter,
 * imagingStudy) become contained resources, and when the report names no performer the Composition's
 * authors (eHN A.1.5) become its performers. Stateless.
 */
public final class DocumentBundleReader {

    /** Base of issue locations inside a document Bundle. */
    public static final String REPORT_PATH = "Bundle.entry.resource.ofType(DiagnosticReport)";

    private DocumentBundleReader() {
    }

    /**
     * The normalised report and its facts.
     *
     * @param report     the stand-alone DiagnosticReport (a copy; the Bundle is not changed); empty
     *                   DiagnosticReport when the Bundle held none
     * @param submission the eHN facts, including issues of the Bundle form itself
     */
    public record Intake(DiagnosticReport report, ReportSubmission submission) {
    }

    /**
     * @param bundle the posted Bundle
     * @return the normalised report and its facts (not yet validated)
     */
    public static Intake read(Bundle bundle) {
        List<Issue> formIssues = new ArrayList<>();
        if (bundle.getType() != Bundle.BundleType.DOCUMENT) {
            formIssues.add(new Issue("Bundle.type", "eHN A.1.8 Document metadata: Bundle.type must be 'document' (was '"
                    + bundle.getTypeElement().getValueAsString() + "')"));
        }
        List<Resource> resources = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r != null).toList();
        if (resources.isEmpty() || !(resources.get(0) instanceof Composition)) {
            formIssues.add(new Issue("Bundle.entry[0].resource", "eHN A.1.8 Document metadata: a document Bundle starts with a Composition"));
        }
        List<DiagnosticReport> reports = resources.stream().filter(DiagnosticReport.class::isInstance)
                .map(DiagnosticReport.class::cast).toList();
        if (reports.size() != 1) {
            formIssues.add(new Issue(REPORT_PATH, "eHN A.5 Examination report: the document Bundle must hold exactly one"
                    + " DiagnosticReport (found " + reports.size() + ")"));
            DiagnosticReport empty = new DiagnosticReport();
            return new Intake(empty, ReportFhirMapper.toSubmission(empty, REPORT_PATH, formIssues, true));
        }
        DiagnosticReport report = copyOrOriginal(reports.get(0), formIssues);
        Map<String, Resource> index = index(bundle);
        Contained contained = new Contained(report, index);
        contained.follow(report.getSubject());
        if (!report.hasPerformer() && resources.get(0) instanceof Composition composition) {
            composition.getAuthor().forEach(a -> report.addPerformer(a.copy()));
        }
        report.getPerformer().forEach(contained::follow);
        report.getResultsInterpreter().forEach(contained::follow);
        report.getImagingStudy().forEach(contained::follow);
        return new Intake(report, ReportFhirMapper.toSubmission(report, REPORT_PATH, formIssues, true));
    }

    /**
     * The lenient parser keeps a malformed value (e.g. an impossible date) that copying re-parses and refuses;
     * such a report is refused (422 with the issue), so the original may then be used to name every other problem.
     */
    private static DiagnosticReport copyOrOriginal(DiagnosticReport report, List<Issue> formIssues) {
        try {
            return report.copy();
        } catch (DataFormatException e) {
            formIssues.add(new Issue(REPORT_PATH, "a value of the DiagnosticReport is not valid FHIR: " + e.getMessage()));
            return report;
        }
    }

    /** @return Bundle resources by fullUrl and by relative {@code Type/id} */
    private static Map<String, Resource> index(Bundle bundle) {
        Map<String, Resource> index = new HashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource r = entry.getResource();
            if (r == null) {
                continue;
            }
            if (entry.hasFullUrl()) {
                index.put(entry.getFullUrl(), r);
            }
            if (r.getIdElement().hasIdPart()) {
                index.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
            }
        }
        return index;
    }

    /** Copies referenced Bundle resources into the report's {@code contained} list, once each. */
    private static final class Contained {
        private final DiagnosticReport report;
        private final Map<String, Resource> index;
        private final Map<String, String> localIds = new HashMap<>();

        Contained(DiagnosticReport report, Map<String, Resource> index) {
            this.report = report;
            this.index = index;
        }

        void follow(Reference ref) {
            if (!ref.hasReference() || ref.getReference().startsWith("#")) {
                return;
            }
            Resource target = index.get(ref.getReference());
            if (target == null) {
                return;
            }
            String local = localIds.computeIfAbsent(ref.getReference(), key -> {
                String id = target.fhirType().toLowerCase() + "-" + (localIds.size() + 1);
                Resource copy = target.copy();
                copy.setId(id);
                report.addContained(copy);
                return id;
            });
            ref.setReference("#" + local);
            ref.setResource(null);
        }
    }
}
