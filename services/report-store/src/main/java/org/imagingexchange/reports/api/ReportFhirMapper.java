package org.imagingexchange.reports.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.imagingexchange.kit.problem.ProblemException.Issue;
import org.imagingexchange.reports.domain.Coding;
import org.imagingexchange.reports.domain.EhnElement;
import org.imagingexchange.reports.domain.PatientIdentifier;
import org.imagingexchange.reports.domain.ReportSubmission;
import org.imagingexchange.reports.domain.StudyInstanceUid;
import org.imagingexchange.reports.domain.UidReference;

/**
 * Reads the eHN data set A facts out of a FHIR R4 {@code DiagnosticReport} (HL7 Europe Imaging Report IG
 * shape; see the module README for the exact accepted representation of each element). Contained
 * resources ({@code #id} references) are followed; other references are taken as they are. Stateless.
 */
public final class ReportFhirMapper {

    /** HL7 v2 table 0203 identifier types (accession number = ACSN). */
    public static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    /** Identifier type code of an accession number (eHN A.1.8.11). */
    public static final String ACCESSION_TYPE = "ACSN";

    private ReportFhirMapper() {
    }

    /**
     * Extracts the facts of a stand-alone DiagnosticReport.
     *
     * @param report     the report (possibly with contained Patient / Practitioner / Organization / ImagingStudy)
     * @param basePath   FHIRPath-ish prefix for issue locations
     * @param formIssues issues already found in the enclosing form (document Bundle); may be empty
     * @return the facts, not yet validated
     */
    public static ReportSubmission toSubmission(DiagnosticReport report, String basePath, List<Issue> formIssues,
                                                boolean documentBundle) {
        List<String> authors = new ArrayList<>();
        report.getPerformer().forEach(r -> describe(r).ifPresent(authors::add));
        report.getResultsInterpreter().forEach(r -> describe(r).ifPresent(authors::add));
        List<Coding> codes = report.getCode().getCoding().stream().map(c -> new Coding(c.getSystem(), c.getCode())).toList();
        if (codes.isEmpty() && report.getCode().hasText()) {
            codes = List.of(new Coding("", report.getCode().getText()));
        }
        List<Issue> issues = new ArrayList<>(formIssues);
        issues.addAll(invalidDates(report, basePath));
        return new ReportSubmission(issues, basePath, documentBundle, patient(report), authors,
                report.getStatusElement().getValueAsString(), reportDateTime(report),
                report.getIssued() != null ? report.getIssued().toInstant() : null, codes, studyUids(report, basePath),
                accessionNumbers(report), modalities(report), report.getConclusion());
    }

    /** A.1.1: the subject's identifier, or the identifier of the contained Patient it points to. */
    static PatientIdentifier patient(DiagnosticReport report) {
        Reference subject = report.getSubject();
        if (hasValue(subject.getIdentifier())) {
            return new PatientIdentifier(subject.getIdentifier().getSystem(), subject.getIdentifier().getValue());
        }
        return contained(report, subject, Patient.class)
                .flatMap(p -> p.getIdentifier().stream().filter(ReportFhirMapper::hasValue).findFirst())
                .map(i -> new PatientIdentifier(i.getSystem(), i.getValue()))
                .orElse(null);
    }

    /**
     * A.1.8.3: date elements whose text is not a FHIR R4 {@code instant} / {@code dateTime} (e.g. month 13,
     * a five-digit year, a JSON number). The lenient parser keeps such text without a value; each becomes
     * an issue naming the element, so the report is refused with 422 instead of failing later.
     *
     * @param report the parsed report
     * @param base   FHIRPath-ish prefix of the report
     * @return one issue per invalid date element; empty when all are valid or absent
     */
    static List<Issue> invalidDates(DiagnosticReport report, String base) {
        List<Issue> issues = new ArrayList<>();
        checkDate(report.getIssuedElement(), base + ".issued", "instant", issues);
        if (report.getEffective() instanceof DateTimeType dt) {
            checkDate(dt, base + ".effectiveDateTime", "dateTime", issues);
        } else if (report.getEffective() instanceof Period p) {
            checkDate(p.getStartElement(), base + ".effectivePeriod.start", "dateTime", issues);
            checkDate(p.getEndElement(), base + ".effectivePeriod.end", "dateTime", issues);
        }
        return issues;
    }

    private static void checkDate(BaseDateTimeType element, String location, String type, List<Issue> issues) {
        if (element != null && element.getValue() == null && element.getValueAsString() != null) {
            issues.add(new Issue(location, EhnElement.REPORT_DATE_TIME.message("'" + element.getValueAsString()
                    + "' is not a valid FHIR " + type + " (YYYY-MM-DDThh:mm:ss+zz:zz, a real calendar date)")));
        }
    }

    /** A.1.8.3: issued, else effectiveDateTime, else effectivePeriod.start (raw FHIR text). */
    static String reportDateTime(DiagnosticReport report) {
        if (report.hasIssued()) {
            return report.getIssuedElement().getValueAsString();
        }
        if (report.getEffective() instanceof DateTimeType dt && dt.hasValue()) {
            return dt.getValueAsString();
        }
        if (report.getEffective() instanceof Period p && p.hasStart()) {
            return p.getStartElement().getValueAsString();
        }
        return null;
    }

    /** A.1.8.10: identifiers with system urn:dicom:uid on the report, its imagingStudy references and contained ImagingStudy. */
    static List<UidReference> studyUids(DiagnosticReport report, String base) {
        List<UidReference> uids = new ArrayList<>();
        List<Identifier> ids = report.getIdentifier();
        for (int i = 0; i < ids.size(); i++) {
            addUid(uids, base + ".identifier[" + i + "]", ids.get(i));
        }
        List<Reference> studies = report.getImagingStudy();
        for (int i = 0; i < studies.size(); i++) {
            Reference ref = studies.get(i);
            addUid(uids, base + ".imagingStudy[" + i + "].identifier", ref.getIdentifier());
            Optional<ImagingStudy> study = contained(report, ref, ImagingStudy.class);
            if (study.isPresent()) {
                List<Identifier> sids = study.get().getIdentifier();
                for (int j = 0; j < sids.size(); j++) {
                    addUid(uids, base + ".contained.ofType(ImagingStudy).identifier[" + j + "]", sids.get(j));
                }
            }
        }
        return uids;
    }

    /** A.1.8.11: identifiers of type ACSN on the report, its basedOn references and contained ImagingStudy. */
    static List<String> accessionNumbers(DiagnosticReport report) {
        Set<String> numbers = new LinkedHashSet<>();
        report.getIdentifier().forEach(i -> accession(i).ifPresent(numbers::add));
        report.getBasedOn().forEach(r -> accession(r.getIdentifier()).ifPresent(numbers::add));
        report.getImagingStudy().forEach(r -> contained(report, r, ImagingStudy.class)
                .ifPresent(s -> s.getIdentifier().forEach(i -> accession(i).ifPresent(numbers::add))));
        return List.copyOf(numbers);
    }

    /** A.5.1.1: DICOM CID 29 codings in category, plus the modality of contained ImagingStudy resources. */
    static List<Coding> modalities(DiagnosticReport report) {
        List<Coding> codings = new ArrayList<>();
        report.getCategory().forEach(cc -> cc.getCoding().stream()
                .filter(c -> Coding.DICOM_DCM.equals(c.getSystem()))
                .forEach(c -> codings.add(new Coding(c.getSystem(), c.getCode()))));
        report.getImagingStudy().forEach(r -> contained(report, r, ImagingStudy.class).ifPresent(s -> {
            s.getModality().forEach(c -> codings.add(new Coding(c.getSystem(), c.getCode())));
            s.getSeries().forEach(series -> {
                if (series.hasModality()) {
                    codings.add(new Coding(series.getModality().getSystem(), series.getModality().getCode()));
                }
            });
        }));
        return codings;
    }

    /**
     * @return the contained resource of the given type a {@code #id} reference points to (HAPI links
     *         contained references on parse; the local id is also matched for resources built in code)
     */
    static <T extends Resource> Optional<T> contained(DiagnosticReport report, Reference ref, Class<T> type) {
        if (type.isInstance(ref.getResource())) {
            return Optional.of(type.cast(ref.getResource()));
        }
        String target = ref.getReference();
        if (target == null || !target.startsWith("#")) {
            return Optional.empty();
        }
        String local = target.substring(1);
        return report.getContained().stream()
                .filter(type::isInstance)
                .filter(r -> local.equals(r.getIdElement().getIdPart()) || target.equals(r.getId()))
                .map(type::cast)
                .findFirst();
    }

    /** @return a human-readable handle of the referenced author (display, reference, or identifier value) */
    static Optional<String> describe(Reference ref) {
        if (ref.hasDisplay()) {
            return Optional.of(ref.getDisplay());
        }
        if (ref.hasReference()) {
            return Optional.of(ref.getReference());
        }
        if (hasValue(ref.getIdentifier())) {
            return Optional.of(ref.getIdentifier().getValue());
        }
        return ref.getResource() == null ? Optional.empty() : Optional.of(ref.getResource().getIdElement().getValue());
    }

    private static void addUid(List<UidReference> out, String location, Identifier id) {
        if (id != null && StudyInstanceUid.SYSTEM.equals(id.getSystem())) {
            out.add(new UidReference(location, id.getSystem(), id.getValue()));
        }
    }

    private static Optional<String> accession(Identifier id) {
        boolean acsn = id != null && id.getType().getCoding().stream()
                .anyMatch(c -> ACCESSION_TYPE.equals(c.getCode()) && (!c.hasSystem() || V2_0203.equals(c.getSystem())));
        return acsn && id.hasValue() && !id.getValue().isBlank() ? Optional.of(id.getValue()) : Optional.empty();
    }

    private static boolean hasValue(Identifier id) {
        return id != null && id.hasValue() && !id.getValue().isBlank();
    }
}
