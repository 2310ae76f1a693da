package org.imagingexchange.reports.api.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.model.v251.datatype.CNN;
import ca.uhn.hl7v2.model.v251.datatype.CX;
import ca.uhn.hl7v2.model.v251.datatype.TS;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.PID;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.imagingexchange.reports.api.ReportFhirMapper;
import org.imagingexchange.reports.domain.Coding;
import org.imagingexchange.reports.domain.StudyInstanceUid;

/**
 * Maps an HL7 v2 ORU^R01 imaging report (any version 2.3-2.5.1, parsed into the 2.5.1 model) to the
 * stand-alone FHIR R4 DiagnosticReport the store keeps for every intake path (HL7 Europe Imaging Report
 * IG shape; contained Patient, Practitioner, ImagingStudy and Composition). Field by field:
 * <ul>
 * <li>A.1.1 patient: PID-3 (the repetition with CX-5 = MR, else the first): CX-1 value, CX-4 assigning
 *     authority as system ({@code urn:oid:} for ISO, the URI for URI; a namespace alone is the assigner's
 *     display); PID-5 name, PID-7 birth date, PID-8 sex on the contained Patient</li>
 * <li>A.2 order: placer ORC-2 / OBR-2 ({@code basedOn} identifier type PLAC), filler ORC-3 / OBR-3
 *     ({@code identifier} type FILL); A.1.8.11 accession number: OBR-18 (Placer Field 1, as IHE RAD
 *     Scheduled Workflow uses it), {@code basedOn} identifier type ACSN</li>
 * <li>A.1.8.5 procedure: OBR-4 as a second {@code code} coding (after LOINC 18748-4) and the
 *     ImagingStudy's {@code procedureCode}; A.5.1.1 modality: OBR-24 ({@link V2Terms#modality})</li>
 * <li>A.1.8.2 status: OBR-25 ({@link V2Terms#reportStatus}); A.1.8.3: OBR-22 as {@code issued}, OBR-7 as
 *     {@code effectiveDateTime}; A.1.5: OBR-32 principal result interpreter as {@code resultsInterpreter}</li>
 * <li>sections: OBX by observation identifier ({@link V2Terms#section}) into the contained Composition's
 *     LOINC sections ({@link ReportSections}); A.5.5 impression ({@code &IMP}) also into {@code conclusion};
 *     ED and RP values into {@code presentedForm}</li>
 * <li>A.1.8.10 Study Instance UID: an OBX whose identifier is DCM 110180 / 113014 or ends in {@code &IUID}
 *     / {@code &SUID} (OBX-5 the UID, any value type), or ZDS-1 (IHE RAD Scheduled Workflow); as
 *     {@code identifier} {@code urn:dicom:uid} and on the contained ImagingStudy</li>
 * </ul>
 * Only the first PATIENT_RESULT is read; every ORDER_OBSERVATION of it contributes orders and sections,
 * the first OBR gives status, dates, procedure and interpreter. Stateless and thread-safe.
 */
public final class OruR01Mapper {

    /** Identifier type (HL7 table 0203) of a placer order number. */
    public static final String PLACER_TYPE = "PLAC";
    /** Identifier type (HL7 table 0203) of a filler order number. */
    public static final String FILLER_TYPE = "FILL";
    /** Category of imaging reports in the HL7 Europe Imaging Report IG (LOINC 85430-7). */
    public static final String IMAGING_REPORT_CATEGORY = "85430-7";
    /** Report type LOINC 18748-4 Diagnostic imaging study (eHN A.1.8.1). */
    public static final String DOCUMENT_TYPE = "18748-4";

    /**
     * The mapped report and every finding against the ORU (each becomes an ERR segment of an AE).
     *
     * @param report the DiagnosticReport (built as far as the message allows even when there are errors)
     * @param errors findings; empty when the message maps completely
     */
    public record Mapped(DiagnosticReport report, List<V2Error> errors) {
    }

    private OruR01Mapper() {
    }

    /**
     * @param message the parsed ORU^R01
     * @param zone    zone of timestamps sent without UTC offset
     * @return the report and the findings
     */
    public static Mapped map(ORU_R01 message, ZoneId zone) {
        List<V2Error> errors = new ArrayList<>();
        DiagnosticReport report = new DiagnosticReport();
        report.addCategory().addCoding().setSystem(Coding.LOINC).setCode(IMAGING_REPORT_CATEGORY).setDisplay("Diagnostic imaging report");
        report.getCode().addCoding().setSystem(Coding.LOINC).setCode(DOCUMENT_TYPE).setDisplay("Diagnostic imaging study");
        ORU_R01_PATIENT_RESULT result = message.getPATIENT_RESULT();
        Patient patient = patient(result.getPATIENT().getPID(), errors);
        report.addContained(patient);
        Reference subject = new Reference("#" + patient.getIdElement().getIdPart());
        patient.getIdentifier().stream().filter(i -> i.hasType()).findFirst()
                .or(() -> patient.getIdentifier().stream().findFirst())
                .ifPresent(i -> subject.setIdentifier(new Identifier().setSystem(i.getSystem()).setValue(i.getValue())));
        report.setSubject(subject);
        int orders = result.getORDER_OBSERVATIONReps();
        if (orders == 0 || isEmpty(result.getORDER_OBSERVATION().getOBR())) {
            errors.add(V2Error.of("OBR", 0, ErrorCode.SEGMENT_SEQUENCE_ERROR, "an ORU^R01 imaging report needs an OBR"));
            return new Mapped(report, errors);
        }
        ReportSections sections = new ReportSections();
        ImagingStudy study = new ImagingStudy();
        study.setId("imagingstudy");
        study.setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE);
        study.setSubject(new Reference(subject.getReference()));
        int obx = 0;
        for (int i = 0; i < orders; i++) {
            ORU_R01_ORDER_OBSERVATION order = result.getORDER_OBSERVATION(i);
            orderIdentifiers(order, i + 1, report, study);
            obx = sections.read(order, obx, errors);
        }
        OBR obr = result.getORDER_OBSERVATION(0).getOBR();
        header(obr, zone, report, study, errors);
        studyUids(message, sections, report, study, errors);
        report.addContained(study);
        report.addImagingStudy(new Reference("#" + study.getIdElement().getIdPart()));
        sections.complete(report, obr, errors);
        return new Mapped(report, errors);
    }

    private static boolean isEmpty(OBR obr) {
        try {
            return obr.isEmpty();
        } catch (ca.uhn.hl7v2.HL7Exception e) {
            return true;
        }
    }

    private static Patient patient(PID pid, List<V2Error> errors) {
        Patient patient = new Patient();
        patient.setId("patient");
        CX[] ids = pid.getPatientIdentifierList();
        CX chosen = null;
        for (CX cx : ids) {
            if (!V2Values.text(cx.getIDNumber().getValue()).isEmpty()
                    && (chosen == null || "MR".equalsIgnoreCase(V2Values.text(cx.getIdentifierTypeCode().getValue())))) {
                chosen = cx;
            }
        }
        if (chosen == null) {
            errors.add(V2Error.of("PID", 3, ErrorCode.REQUIRED_FIELD_MISSING,
                    "eHN A.1.1 Patient identifier: PID-3 must carry an identifier (CX-1) with its assigning authority"));
            return patient;
        }
        Identifier id = patient.addIdentifier().setValue(V2Values.text(chosen.getIDNumber().getValue()));
        V2Values.system(chosen.getAssigningAuthority()).ifPresent(id::setSystem);
        String namespace = V2Values.text(chosen.getAssigningAuthority().getNamespaceID().getValue());
        if (!namespace.isEmpty()) {
            id.getAssigner().setDisplay(namespace);
        }
        String type = V2Values.text(chosen.getIdentifierTypeCode().getValue());
        if (!type.isEmpty()) {
            id.getType().addCoding().setSystem(ReportFhirMapper.V2_0203).setCode(type);
        }
        if (pid.getPatientName().length > 0) {
            var name = pid.getPatientName(0);
            var human = patient.addName().setFamily(V2Values.text(name.getFamilyName().getSurname().getValue()));
            String given = V2Values.text(name.getGivenName().getValue());
            if (!given.isEmpty()) {
                human.addGiven(given);
            }
        }
        String birth = V2Values.text(pid.getDateTimeOfBirth().getTime().getValue());
        if (!birth.isEmpty()) {
            try {
                V2Values.dateTime(birth.length() > 8 ? birth.substring(0, 8) : birth, java.time.ZoneOffset.UTC)
                        .ifPresent(d -> patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(d.getValueAsString())));
            } catch (IllegalArgumentException e) {
                errors.add(V2Error.of("PID", 7, ErrorCode.DATA_TYPE_ERROR, "date of birth: " + e.getMessage()));
            }
        }
        patient.setGender(switch (V2Values.text(pid.getAdministrativeSex().getValue()).toUpperCase()) {
            case "M" -> Enumerations.AdministrativeGender.MALE;
            case "F" -> Enumerations.AdministrativeGender.FEMALE;
            case "O", "A" -> Enumerations.AdministrativeGender.OTHER;
            case "U" -> Enumerations.AdministrativeGender.UNKNOWN;
            default -> null;
        });
        return patient;
    }

    /** A.2 order ids: placer (ORC-2 / OBR-2), filler (ORC-3 / OBR-3), accession (OBR-18). */
    private static void orderIdentifiers(ORU_R01_ORDER_OBSERVATION order, int repetition, DiagnosticReport report, ImagingStudy study) {
        OBR obr = order.getOBR();
        Optional<Identifier> placer = V2Values.identifier(obr.getPlacerOrderNumber(), PLACER_TYPE)
                .or(() -> V2Values.identifier(order.getORC().getPlacerOrderNumber(), PLACER_TYPE));
        placer.ifPresent(id -> report.addBasedOn().setType("ServiceRequest").setIdentifier(id));
        Optional<Identifier> filler = V2Values.identifier(obr.getFillerOrderNumber(), FILLER_TYPE)
                .or(() -> V2Values.identifier(order.getORC().getFillerOrderNumber(), FILLER_TYPE));
        filler.ifPresent(report::addIdentifier);
        String accession = V2Values.text(obr.getPlacerField1().getValue());
        if (!accession.isEmpty()) {
            Identifier acsn = new Identifier().setValue(accession);
            acsn.getType().addCoding().setSystem(ReportFhirMapper.V2_0203).setCode(ReportFhirMapper.ACCESSION_TYPE);
            report.addBasedOn().setType("ServiceRequest").setIdentifier(acsn);
            study.addIdentifier(acsn.copy());
        }
    }

    /** A.1.8.5 procedure, A.5.1.1 modality, A.1.8.2 status, A.1.8.3 dates, A.1.5 interpreter: from the first OBR. */
    private static void header(OBR obr, ZoneId zone, DiagnosticReport report, ImagingStudy study, List<V2Error> errors) {
        CodeableConcept procedure = V2Values.concept(obr.getUniversalServiceIdentifier());
        if (procedure.hasCoding()) {
            report.getCode().addCoding(procedure.getCodingFirstRep().copy());
            report.getCode().setText(procedure.getText());
            study.addProcedureCode(procedure);
        }
        String section = V2Values.text(obr.getDiagnosticServSectID().getValue());
        Optional<String> modality = V2Terms.modality(section);
        if (modality.isPresent()) {
            report.addCategory().addCoding().setSystem(Coding.DICOM_DCM).setCode(modality.get());
            study.addModality().setSystem(Coding.DICOM_DCM).setCode(modality.get());
        } else {
            errors.add(V2Error.of("OBR", 24, section.isEmpty() ? ErrorCode.REQUIRED_FIELD_MISSING : ErrorCode.TABLE_VALUE_NOT_FOUND,
                    "eHN A.5.1.1 Modality: OBR-24 " + (section.isEmpty() ? "is empty" : "'" + section + "' names no DICOM modality")
                            + " (expected e.g. CT, NMR, RUS of HL7 table 0074, or a DICOM CID 29 code)"));
        }
        String status = V2Values.text(obr.getResultStatus().getValue());
        Optional<String> fhirStatus = V2Terms.reportStatus(status);
        if (fhirStatus.isPresent()) {
            report.getStatusElement().setValueAsString(fhirStatus.get());
        } else {
            errors.add(V2Error.of("OBR", 25, status.isEmpty() ? ErrorCode.REQUIRED_FIELD_MISSING : ErrorCode.TABLE_VALUE_NOT_FOUND,
                    "eHN A.1.8.2 Report status: OBR-25 " + (status.isEmpty() ? "is empty" : "'" + status + "' is not in HL7 table 0123")));
        }
        dateTime(obr.getResultsRptStatusChngDateTime(), "OBR", 22, zone, errors).ifPresent(dt -> {
            if (dt.getPrecision().ordinal() >= ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND.ordinal()) {
                report.setIssuedElement(new org.hl7.fhir.r4.model.InstantType(dt.getValue(), dt.getPrecision(), dt.getTimeZone()));
            } else if (!report.hasEffective()) {
                report.setEffective(dt);
            }
        });
        dateTime(obr.getObservationDateTime(), "OBR", 7, zone, errors).ifPresent(dt -> {
            report.setEffective(dt);
            study.setStartedElement(dt.copy());
        });
        if (!report.hasIssued() && !report.hasEffective() && errors.stream().noneMatch(e -> e.segment().equals("OBR") && (e.field() == 22 || e.field() == 7))) {
            errors.add(V2Error.of("OBR", 22, ErrorCode.REQUIRED_FIELD_MISSING,
                    "eHN A.1.8.3 Report date-time: OBR-22 (results report date-time) or OBR-7 (observation date-time) is required"));
        }
        interpreter(obr.getPrincipalResultInterpreter().getNDLName(), report, errors);
    }

    private static Optional<DateTimeType> dateTime(TS ts, String segment, int field, ZoneId zone, List<V2Error> errors) {
        try {
            return V2Values.dateTime(ts.getTime().getValue(), zone);
        } catch (IllegalArgumentException e) {
            errors.add(V2Error.of(segment, field, ErrorCode.DATA_TYPE_ERROR, e.getMessage()));
            return Optional.empty();
        }
    }

    private static void interpreter(CNN name, DiagnosticReport report, List<V2Error> errors) {
        String id = V2Values.text(name.getIDNumber().getValue());
        String family = V2Values.text(name.getFamilyName().getValue());
        String given = V2Values.text(name.getGivenName().getValue());
        if (id.isEmpty() && family.isEmpty()) {
            errors.add(V2Error.of("OBR", 32, ErrorCode.REQUIRED_FIELD_MISSING,
                    "eHN A.1.5 Author: OBR-32 (principal result interpreter) must name the reporting radiologist"));
            return;
        }
        Practitioner practitioner = new Practitioner();
        practitioner.setId("practitioner");
        if (!id.isEmpty()) {
            Identifier pid = practitioner.addIdentifier().setValue(id);
            String authority = V2Values.text(name.getAssigningAuthorityUniversalID().getValue());
            if (!authority.isEmpty() && "ISO".equalsIgnoreCase(V2Values.text(name.getAssigningAuthorityUniversalIDType().getValue()))) {
                pid.setSystem(V2Values.OID_PREFIX + authority);
            }
        }
        if (!family.isEmpty()) {
            var human = practitioner.addName().setFamily(family);
            if (!given.isEmpty()) {
                human.addGiven(given);
            }
        }
        report.addContained(practitioner);
        String display = (given + " " + family).trim();
        report.addResultsInterpreter(new Reference("#practitioner").setDisplay(display.isEmpty() ? id : display));
    }

    /** A.1.8.10: OBX 110180 / 113014 / &IUID values, then ZDS-1 (IHE RAD Scheduled Workflow). */
    private static void studyUids(ORU_R01 message, ReportSections sections, DiagnosticReport report, ImagingStudy study,
                                  List<V2Error> errors) {
        List<ReportSections.Located> candidates = new ArrayList<>(sections.studyUids());
        candidates.addAll(ZdsSegments.studyUids(message));
        for (ReportSections.Located uid : candidates) {
            if (!StudyInstanceUid.valid(uid.value())) {
                errors.add(new V2Error(uid.segment(), uid.repetition(), uid.field(), ErrorCode.DATA_TYPE_ERROR,
                        "eHN A.1.8.10 Study Instance UID: '" + uid.value() + "' is not a DICOM UID (PS3.5 §9.1)"));
                continue;
            }
            String urn = StudyInstanceUid.URN_PREFIX + uid.value();
            if (report.getIdentifier().stream().noneMatch(i -> urn.equals(i.getValue()))) {
                report.addIdentifier().setSystem(StudyInstanceUid.SYSTEM).setValue(urn);
                study.addIdentifier().setSystem(StudyInstanceUid.SYSTEM).setValue(urn);
            }
        }
        if (candidates.isEmpty()) {
            errors.add(V2Error.of("ZDS", 1, ErrorCode.REQUIRED_FIELD_MISSING,
                    "eHN A.1.8.10 Study Instance UID: required, as ZDS-1 or as an OBX with identifier 110180 or 113014 (DCM)"
                            + " or suffix &IUID and the UID in OBX-5"));
        }
    }

}
