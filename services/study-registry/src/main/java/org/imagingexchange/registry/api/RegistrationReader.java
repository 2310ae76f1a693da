package org.imagingexchange.registry.api;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.imagingexchange.dicom.Uid;
import org.imagingexchange.kit.problem.BadRequestProblem;
import org.imagingexchange.kit.problem.ProblemException.Issue;
import org.imagingexchange.registry.domain.Instance;
import org.imagingexchange.registry.domain.PatientIdentifier;
import org.imagingexchange.registry.domain.RegistrationRejectedException;
import org.imagingexchange.registry.domain.Series;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudyManifest;
import org.imagingexchange.registry.domain.StudyRegistration;

/**
 * Reads what a hospital system registers into the index's model: an IHE MADO manifest, FHIR option (a
 * {@code Bundle} of type {@code document} or {@code collection} holding one or more {@code ImagingStudy}
 * with their {@code Patient} and {@code Endpoint} resources, eHN data set B), or one {@code ImagingStudy}
 * with its patient as a contained resource or as {@code subject.identifier}.
 *
 * <p>Every problem is collected with its FHIRPath location before anything is rejected, so a client
 * learns all it must fix at once: elements FHIR R4 does not define, values of the wrong type or format,
 * and the manifest rules below. Per study: exactly one Study Instance UID ({@code identifier} with system
 * {@code urn:dicom:uid}, value {@code urn:oid:<uid>}, PS3.5 §9.1); {@code status} registered, available or
 * unknown; a patient with at least one identifier; series with a valid {@code uid} and a {@code modality}
 * code (CS, at most 16 characters); instances with a valid {@code uid} and a {@code sopClass}
 * ({@code urn:oid:<uid>}); at most one WADO-RS Endpoint address (connectionType {@code dicom-wado-rs}).
 * Thread-safe.
 */
final class RegistrationReader {

    static final String OID = "urn:oid:";
    static final String WADO_RS = "dicom-wado-rs";
    private static final Pattern CS = Pattern.compile("[A-Z0-9_ ]{1,16}");
    private static final DateTimeFormatter DICOM_TIME = DateTimeFormatter.ofPattern("HHmmss");

    private RegistrationReader() {
    }

    /**
     * @param json a MADO manifest Bundle
     * @return one registration per ImagingStudy of the Bundle, in entry order
     * @throws BadRequestProblem              (400) when the body is not FHIR JSON of a Bundle
     * @throws RegistrationRejectedException (422) naming every problem
     */
    static List<StudyRegistration> bundle(String json) {
        List<Issue> issues = new ArrayList<>();
        Bundle bundle = parse(json, Bundle.class, issues);
        if (bundle.getType() != Bundle.BundleType.DOCUMENT && bundle.getType() != Bundle.BundleType.COLLECTION) {
            issues.add(new Issue("Bundle.type", "a MADO manifest is a Bundle of type document or collection"));
        }
        Map<String, Resource> byUrl = new HashMap<>();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            if (e.hasFullUrl() && e.getResource() != null) {
                byUrl.put(e.getFullUrl(), e.getResource());
                if (e.getResource().getIdElement().hasIdPart()) {
                    byUrl.put(e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart(), e.getResource());
                }
            }
        }
        if (bundle.getType() == Bundle.BundleType.DOCUMENT
                && (bundle.getEntry().isEmpty() || !(bundle.getEntryFirstRep().getResource() instanceof Composition))) {
            issues.add(new Issue("Bundle.entry[0]", "a document Bundle starts with its Composition"));
        }
        List<StudyRegistration> out = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            if (bundle.getEntry().get(i).getResource() instanceof ImagingStudy study) {
                String at = "Bundle.entry[" + i + "].resource";
                StudyRegistration r = study(study, at, ref -> byUrl.get(ref), issues);
                if (r != null) {
                    out.add(r);
                }
            }
        }
        if (out.isEmpty() && issues.isEmpty()) {
            issues.add(new Issue("Bundle.entry", "the manifest holds no ImagingStudy"));
        }
        return checked(out, issues);
    }

    /**
     * @param json one ImagingStudy
     * @return its registration
     * @throws BadRequestProblem              (400) when the body is not FHIR JSON of an ImagingStudy
     * @throws RegistrationRejectedException (422) naming every problem
     */
    static StudyRegistration imagingStudy(String json) {
        List<Issue> issues = new ArrayList<>();
        ImagingStudy study = parse(json, ImagingStudy.class, issues);
        Map<String, Resource> contained = new HashMap<>();
        study.getContained().forEach(r -> contained.put("#" + r.getIdElement().getIdPart(), r));
        StudyRegistration r = study(study, "ImagingStudy", contained::get, issues);
        return checked(r == null ? List.of() : List.of(r), issues).get(0);
    }

    private static List<StudyRegistration> checked(List<StudyRegistration> out, List<Issue> issues) {
        if (!issues.isEmpty()) {
            throw new RegistrationRejectedException(issues);
        }
        return out;
    }

    private static <T extends IBaseResource> T parse(String json, Class<T> type, List<Issue> issues) {
        IParser parser = ImagingStudyMapper.FHIR.newJsonParser().setParserErrorHandler(new Collecting(issues));
        IBaseResource parsed;
        try {
            parsed = parser.parseResource(json);
        } catch (RuntimeException e) {
            // DataFormatException for what HAPI recognises as wrong; HAPI's parser also fails with other runtime
            // exceptions on some malformed structures (e.g. NullPointerException for a Bundle entry whose
            // resource is a number, found by RegistrationReaderFuzzTest): all of them are a client's bad body.
            throw new BadRequestProblem("invalid-fhir-resource", "The body is not a FHIR R4 JSON resource.");
        }
        if (!type.isInstance(parsed)) {
            throw new BadRequestProblem("invalid-fhir-resource", "Expected a " + type.getSimpleName() + ", got a "
                    + parsed.fhirType() + ".");
        }
        return type.cast(parsed);
    }

    private interface Resolver {
        Resource resolve(String reference);
    }

    /** @return the registration, or null when the study's UID is unusable (issues then say why) */
    private static StudyRegistration study(ImagingStudy is, String at, Resolver resolver, List<Issue> issues) {
        int before = issues.size();
        String uid = studyUid(is, at, issues);
        if (is.getStatus() == null) {
            issues.add(new Issue(at + ".status", "status is required (registered, available or unknown)"));
        } else if (is.getStatus() == ImagingStudy.ImagingStudyStatus.CANCELLED
                || is.getStatus() == ImagingStudy.ImagingStudyStatus.ENTEREDINERROR) {
            issues.add(new Issue(at + ".status", "a " + is.getStatus().toCode() + " study is not registered;"
                    + " the archive's crawl withdraws studies it no longer holds"));
        }
        Patient patient = patient(is, at, resolver, issues);
        String accession = null;
        String accessionIssuer = null;
        for (Identifier id : is.getIdentifier()) {
            if (id.getType().getCoding().stream().anyMatch(c -> "ACSN".equals(c.getCode()))) {
                accession = id.getValue();
                accessionIssuer = id.getSystem();
            }
        }
        String studyDate = null;
        String studyTime = null;
        java.time.LocalDate date = null;
        if (is.hasStarted() && is.getStartedElement().getValue() != null) {
            DateTimeType started = is.getStartedElement();
            LocalDateTime utc = LocalDateTime.ofInstant(started.getValue().toInstant(), ZoneOffset.UTC);
            if (started.getPrecision().ordinal() >= TemporalPrecisionEnum.MINUTE.ordinal()) {
                date = utc.toLocalDate();
                studyTime = DICOM_TIME.format(utc);
            } else if (started.getPrecision() == TemporalPrecisionEnum.DAY) {
                date = java.time.LocalDate.of(started.getYear(), started.getMonth() + 1, started.getDay());
            }
        }
        String referrer = referrer(is.getReferrer(), resolver);
        List<StudyManifest.SeriesManifest> series = new ArrayList<>();
        for (int s = 0; s < is.getSeries().size(); s++) {
            series.add(series(is.getSeries().get(s), at + ".series[" + s + "]", issues));
        }
        String endpoint = endpoint(is, at, resolver, issues);
        if (issues.size() > before || uid == null) {
            return null;
        }
        List<PatientIdentifier> ids = patientIdentifiers(patient);
        Study header = new Study(uid, ids.get(0).value(), ids.get(0).issuer(), patient == null ? null : pn(patient),
                patient == null ? null : birthDate(patient),
                patient == null ? null : sex(patient), date, studyTime, accession, accessionIssuer, null,
                is.getDescription(), referrer, null, List.of(), List.of(), List.of(), ids.subList(1, ids.size()), 0, 0,
                null);
        return new StudyRegistration(at, header, series, endpoint);
    }

    private static String studyUid(ImagingStudy is, String at, List<Issue> issues) {
        List<String> uids = new ArrayList<>();
        for (int i = 0; i < is.getIdentifier().size(); i++) {
            Identifier id = is.getIdentifier().get(i);
            if (ImagingStudyMapper.DICOM_UID_SYSTEM.equals(id.getSystem())) {
                String value = id.getValue() == null ? "" : id.getValue();
                String uid = value.startsWith(OID) ? value.substring(OID.length()) : value;
                String problem = Uid.problem(uid);
                if (problem != null || !value.startsWith(OID)) {
                    issues.add(new Issue(at + ".identifier[" + i + "].value", "the Study Instance UID must be"
                            + " urn:oid:<uid>; " + (problem != null ? problem : "the urn:oid: prefix is missing")));
                } else {
                    uids.add(uid);
                }
            }
        }
        if (uids.size() != 1) {
            if (uids.isEmpty() && is.getIdentifier().stream().noneMatch(
                    id -> ImagingStudyMapper.DICOM_UID_SYSTEM.equals(id.getSystem()))) {
                issues.add(new Issue(at + ".identifier", "the Study Instance UID (system urn:dicom:uid) is required"));
            } else if (uids.size() > 1) {
                issues.add(new Issue(at + ".identifier", "exactly one Study Instance UID is allowed"));
            }
            return null;
        }
        return uids.get(0);
    }

    private static Patient patient(ImagingStudy is, String at, Resolver resolver, List<Issue> issues) {
        Reference subject = is.getSubject();
        Patient patient = null;
        if (subject.hasReference()) {
            Resource r = resolver.resolve(subject.getReference());
            if (r instanceof Patient p) {
                patient = p;
            } else {
                issues.add(new Issue(at + ".subject.reference", "the subject must resolve to a Patient in the "
                        + "request (Bundle entry or contained resource)"));
                return null;
            }
        } else if (subject.hasIdentifier()) {
            patient = new Patient();
            patient.addIdentifier(subject.getIdentifier());
        }
        if (patient == null || patient.getIdentifier().stream().noneMatch(Identifier::hasValue)) {
            issues.add(new Issue(at + ".subject", "a patient with at least one identifier is required"));
            return null;
        }
        return patient;
    }

    private static List<PatientIdentifier> patientIdentifiers(Patient patient) {
        return patient.getIdentifier().stream().filter(Identifier::hasValue)
                .map(id -> new PatientIdentifier(id.getValue(), id.hasSystem() ? id.getSystem() : ""))
                .distinct().toList();
    }

    /** @return the patient's first name as a DICOM PN (family^given^middle^prefix^suffix); null when none */
    private static String pn(Patient p) {
        if (!p.hasName()) {
            return null;
        }
        HumanName n = p.getNameFirstRep();
        if (!n.hasFamily() && !n.hasGiven()) {
            return n.getText();
        }
        List<StringType> given = n.getGiven();
        String middle = given.size() > 1 ? String.join(" ", given.subList(1, given.size()).stream()
                .map(StringType::getValue).toList()) : "";
        String pn = String.join("^", n.hasFamily() ? n.getFamily() : "", given.isEmpty() ? "" : given.get(0).getValue(),
                middle, n.getPrefixAsSingleString(), n.getSuffixAsSingleString());
        return pn.replaceAll("\\^+$", "");
    }

    /** @return the birth date when given to the day (DICOM DA has no partial dates); else null */
    private static java.time.LocalDate birthDate(Patient p) {
        org.hl7.fhir.r4.model.DateType d = p.getBirthDateElement();
        return d.getValue() == null || d.getPrecision() != TemporalPrecisionEnum.DAY ? null
                : java.time.LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDay());
    }

    private static String sex(Patient p) {
        if (!p.hasGender()) {
            return null;
        }
        return switch (p.getGender()) {
            case MALE -> "M";
            case FEMALE -> "F";
            case OTHER -> "O";
            default -> null;
        };
    }

    private static String referrer(Reference ref, Resolver resolver) {
        if (ref.hasReference() && resolver.resolve(ref.getReference()) instanceof Practitioner p && p.hasName()) {
            HumanName n = p.getNameFirstRep();
            return (n.hasFamily() ? n.getFamily() : "") + (n.hasGiven() ? "^" + n.getGivenAsSingleString() : "");
        }
        return ref.hasDisplay() ? ref.getDisplay() : null;
    }

    private static StudyManifest.SeriesManifest series(ImagingStudy.ImagingStudySeriesComponent c, String at,
                                                       List<Issue> issues) {
        String uid = c.getUid();
        String problem = Uid.problem(uid);
        if (problem != null) {
            issues.add(new Issue(at + ".uid", "Series Instance UID: " + problem));
        }
        String modality = c.getModality().getCode();
        if (modality == null || !CS.matcher(modality).matches()) {
            issues.add(new Issue(at + ".modality", "a modality code (DICOM CID 29, at most 16 capitals) is required"));
        }
        Coding site = c.getBodySite();
        String bodyPart = site.hasDisplay() ? site.getDisplay() : site.getCode();
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < c.getInstance().size(); i++) {
            ImagingStudy.ImagingStudySeriesInstanceComponent ic = c.getInstance().get(i);
            String where = at + ".instance[" + i + "]";
            String sop = ic.getUid();
            String sopProblem = Uid.problem(sop);
            if (sopProblem != null) {
                issues.add(new Issue(where + ".uid", "SOP Instance UID: " + sopProblem));
            }
            String sopClass = ic.getSopClass().getCode();
            String cls = sopClass != null && sopClass.startsWith(OID) ? sopClass.substring(OID.length()) : sopClass;
            String classProblem = Uid.problem(cls);
            if (classProblem != null) {
                issues.add(new Issue(where + ".sopClass", "the SOP Class UID (urn:oid:<uid>) is required: " + classProblem));
            }
            if (sopProblem == null) {
                instances.add(new Instance(sop, classProblem == null ? cls : null,
                        ic.getNumberElement().getValue(), null));
            }
        }
        Series series = new Series(problem == null ? uid : "0", modality, c.getNumberElement().getValue(),
                c.getDescription(), bodyPart, instances.size());
        return new StudyManifest.SeriesManifest(series, instances);
    }

    /** @return the one WADO-RS address the study and its series name; null when they name none */
    private static String endpoint(ImagingStudy is, String at, Resolver resolver, List<Issue> issues) {
        List<String> addresses = new ArrayList<>();
        List<Reference> refs = new ArrayList<>(is.getEndpoint());
        is.getSeries().forEach(s -> refs.addAll(s.getEndpoint()));
        for (Reference ref : refs) {
            Resource r = ref.hasReference() ? resolver.resolve(ref.getReference()) : null;
            if (!(r instanceof Endpoint ep)) {
                issues.add(new Issue(at + ".endpoint", "endpoint " + (ref.hasReference() ? ref.getReference() : "")
                        + " does not resolve to an Endpoint in the request"));
                continue;
            }
            if (WADO_RS.equals(ep.getConnectionType().getCode()) && ep.hasAddress()
                    && !addresses.contains(ep.getAddress())) {
                addresses.add(ep.getAddress());
            }
        }
        if (addresses.size() > 1) {
            issues.add(new Issue(at + ".endpoint", "the study names " + addresses.size() + " different WADO-RS"
                    + " addresses; register each archive's copy in a manifest of its own"));
            return null;
        }
        return addresses.isEmpty() ? null : addresses.get(0);
    }

    /** Turns the parser's findings (unknown elements, invalid values, wrong JSON types) into issues. */
    private static final class Collecting extends ErrorHandlerAdapter {
        private final List<Issue> issues;

        Collecting(List<Issue> issues) {
            this.issues = issues;
        }

        private static String where(IParseLocation location, String element) {
            String parent = location == null ? null : location.getParentElementName();
            return parent == null ? String.valueOf(element) : parent + "." + element;
        }

        @Override
        public void unknownElement(IParseLocation location, String elementName) {
            issues.add(new Issue(where(location, elementName), "element not defined by FHIR R4"));
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            issues.add(new Issue(where(location, "value"), "invalid value: " + error));
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String elementName,
                                      BaseJsonLikeValue.ValueType expected, BaseJsonLikeValue.ScalarType expectedScalar,
                                      BaseJsonLikeValue.ValueType found, BaseJsonLikeValue.ScalarType foundScalar) {
            issues.add(new Issue(where(location, elementName), "wrong JSON type: expected " + expected
                    + (expectedScalar == null ? "" : " " + expectedScalar) + ", found " + found));
        }
    }
}
