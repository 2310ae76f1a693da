package org.imagingexchange.dicom;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The central dictionary of the data elements the platform reads or writes: tag, VR and keyword as
 * registered in PS3.6 Table 6-1 (file meta elements: PS3.10 §7.1, Table 7.1-1). Code never types a
 * tag by hand; it names one of these constants. Elements outside this list are still carried through
 * (a data set keeps every element it was given), they are just not named here.
 */
public enum DicomAttribute {
    // File Meta Information, PS3.10 Table 7.1-1
    MEDIA_STORAGE_SOP_CLASS_UID(0x00020002, Vr.UI, "MediaStorageSOPClassUID"),
    MEDIA_STORAGE_SOP_INSTANCE_UID(0x00020003, Vr.UI, "MediaStorageSOPInstanceUID"),
    TRANSFER_SYNTAX_UID(0x00020010, Vr.UI, "TransferSyntaxUID"),
    SOURCE_APPLICATION_ENTITY_TITLE(0x00020016, Vr.AE, "SourceApplicationEntityTitle"),
    // SOP Common, General Study/Series/Equipment, Query/Retrieve (PS3.3, PS3.4 Annex C)
    SPECIFIC_CHARACTER_SET(0x00080005, Vr.CS, "SpecificCharacterSet"),
    IMAGE_TYPE(0x00080008, Vr.CS, "ImageType"),
    SOP_CLASS_UID(0x00080016, Vr.UI, "SOPClassUID"),
    SOP_INSTANCE_UID(0x00080018, Vr.UI, "SOPInstanceUID"),
    STUDY_DATE(0x00080020, Vr.DA, "StudyDate"),
    SERIES_DATE(0x00080021, Vr.DA, "SeriesDate"),
    CONTENT_DATE(0x00080023, Vr.DA, "ContentDate"),
    STUDY_TIME(0x00080030, Vr.TM, "StudyTime"),
    SERIES_TIME(0x00080031, Vr.TM, "SeriesTime"),
    CONTENT_TIME(0x00080033, Vr.TM, "ContentTime"),
    ACCESSION_NUMBER(0x00080050, Vr.SH, "AccessionNumber"),
    QUERY_RETRIEVE_LEVEL(0x00080052, Vr.CS, "QueryRetrieveLevel"),
    RETRIEVE_AE_TITLE(0x00080054, Vr.AE, "RetrieveAETitle"),
    INSTANCE_AVAILABILITY(0x00080056, Vr.CS, "InstanceAvailability"),
    FAILED_SOP_INSTANCE_UID_LIST(0x00080058, Vr.UI, "FailedSOPInstanceUIDList"),
    MODALITY(0x00080060, Vr.CS, "Modality"),
    MODALITIES_IN_STUDY(0x00080061, Vr.CS, "ModalitiesInStudy"),
    SOP_CLASSES_IN_STUDY(0x00080062, Vr.UI, "SOPClassesInStudy"),
    MANUFACTURER(0x00080070, Vr.LO, "Manufacturer"),
    INSTITUTION_NAME(0x00080080, Vr.LO, "InstitutionName"),
    REFERRING_PHYSICIAN_NAME(0x00080090, Vr.PN, "ReferringPhysicianName"),
    CODE_VALUE(0x00080100, Vr.SH, "CodeValue"),
    CODING_SCHEME_DESIGNATOR(0x00080102, Vr.SH, "CodingSchemeDesignator"),
    CODE_MEANING(0x00080104, Vr.LO, "CodeMeaning"),
    TIMEZONE_OFFSET_FROM_UTC(0x00080201, Vr.SH, "TimezoneOffsetFromUTC"),
    STUDY_DESCRIPTION(0x00081030, Vr.LO, "StudyDescription"),
    PROCEDURE_CODE_SEQUENCE(0x00081032, Vr.SQ, "ProcedureCodeSequence"),
    SERIES_DESCRIPTION(0x0008103E, Vr.LO, "SeriesDescription"),
    REFERENCED_SERIES_SEQUENCE(0x00081115, Vr.SQ, "ReferencedSeriesSequence"),
    REFERENCED_SOP_CLASS_UID(0x00081150, Vr.UI, "ReferencedSOPClassUID"),
    REFERENCED_SOP_INSTANCE_UID(0x00081155, Vr.UI, "ReferencedSOPInstanceUID"),
    RETRIEVE_URL(0x00081190, Vr.UR, "RetrieveURL"),
    REFERENCED_SOP_SEQUENCE(0x00081199, Vr.SQ, "ReferencedSOPSequence"),
    // Patient (PS3.3 C.7.1.1)
    PATIENT_NAME(0x00100010, Vr.PN, "PatientName"),
    PATIENT_ID(0x00100020, Vr.LO, "PatientID"),
    ISSUER_OF_PATIENT_ID(0x00100021, Vr.LO, "IssuerOfPatientID"),
    PATIENT_BIRTH_DATE(0x00100030, Vr.DA, "PatientBirthDate"),
    PATIENT_SEX(0x00100040, Vr.CS, "PatientSex"),
    OTHER_PATIENT_IDS_SEQUENCE(0x00101002, Vr.SQ, "OtherPatientIDsSequence"),
    PATIENT_AGE(0x00101010, Vr.AS, "PatientAge"),
    BODY_PART_EXAMINED(0x00180015, Vr.CS, "BodyPartExamined"),
    // Study / series / instance identification and Q/R counts (PS3.4 C.3)
    STUDY_INSTANCE_UID(0x0020000D, Vr.UI, "StudyInstanceUID"),
    SERIES_INSTANCE_UID(0x0020000E, Vr.UI, "SeriesInstanceUID"),
    STUDY_ID(0x00200010, Vr.SH, "StudyID"),
    SERIES_NUMBER(0x00200011, Vr.IS, "SeriesNumber"),
    INSTANCE_NUMBER(0x00200013, Vr.IS, "InstanceNumber"),
    LATERALITY(0x00200060, Vr.CS, "Laterality"),
    NUMBER_OF_PATIENT_RELATED_STUDIES(0x00201200, Vr.IS, "NumberOfPatientRelatedStudies"),
    NUMBER_OF_STUDY_RELATED_SERIES(0x00201206, Vr.IS, "NumberOfStudyRelatedSeries"),
    NUMBER_OF_STUDY_RELATED_INSTANCES(0x00201208, Vr.IS, "NumberOfStudyRelatedInstances"),
    NUMBER_OF_SERIES_RELATED_INSTANCES(0x00201209, Vr.IS, "NumberOfSeriesRelatedInstances"),
    // Image pixel (PS3.3 C.7.6.3)
    PHOTOMETRIC_INTERPRETATION(0x00280004, Vr.CS, "PhotometricInterpretation"),
    NUMBER_OF_FRAMES(0x00280008, Vr.IS, "NumberOfFrames"),
    ROWS(0x00280010, Vr.US, "Rows"),
    COLUMNS(0x00280011, Vr.US, "Columns"),
    BITS_ALLOCATED(0x00280100, Vr.US, "BitsAllocated"),
    REQUESTED_PROCEDURE_DESCRIPTION(0x00321060, Vr.LO, "RequestedProcedureDescription"),
    // Structured reporting and Key Object Selection (PS3.3 C.17, IHE XDS-I.b / MADO manifests)
    VALUE_TYPE(0x0040A040, Vr.CS, "ValueType"),
    CONCEPT_NAME_CODE_SEQUENCE(0x0040A043, Vr.SQ, "ConceptNameCodeSequence"),
    REFERENCED_REQUEST_SEQUENCE(0x0040A370, Vr.SQ, "ReferencedRequestSequence"),
    CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE(0x0040A375, Vr.SQ, "CurrentRequestedProcedureEvidenceSequence"),
    CONTENT_SEQUENCE(0x0040A730, Vr.SQ, "ContentSequence"),
    RETRIEVE_LOCATION_UID(0x0040E011, Vr.UI, "RetrieveLocationUID"),
    MIME_TYPE_OF_ENCAPSULATED_DOCUMENT(0x00420012, Vr.LO, "MIMETypeOfEncapsulatedDocument"),
    // Pixel data: the Part 10 reader stops before these (PS3.5 §8)
    FLOAT_PIXEL_DATA(0x7FE00008, Vr.OF, "FloatPixelData"),
    DOUBLE_FLOAT_PIXEL_DATA(0x7FE00009, Vr.OD, "DoubleFloatPixelData"),
    PIXEL_DATA(0x7FE00010, Vr.OW, "PixelData");

    private static final Map<Integer, DicomAttribute> BY_TAG = new HashMap<>();
    private static final Map<String, DicomAttribute> BY_KEYWORD = new HashMap<>();

    static {
        for (DicomAttribute a : values()) {
            BY_TAG.put(a.tag, a);
            BY_KEYWORD.put(a.keyword, a);
        }
    }

    private final int tag;
    private final Vr vr;
    private final String keyword;

    DicomAttribute(int tag, Vr vr, String keyword) {
        this.tag = tag;
        this.vr = vr;
        this.keyword = keyword;
    }

    /** @return the tag, group in the upper 16 bits (PS3.5 §7.1) */
    public int tag() {
        return tag;
    }

    /** @return the VR registered in PS3.6 (for OB/OW elements: the one used in explicit VR encoding here) */
    public Vr vr() {
        return vr;
    }

    /** @return the PS3.6 keyword, e.g. {@code StudyInstanceUID}, as used by QIDO-RS query keys */
    public String keyword() {
        return keyword;
    }

    /**
     * Looks an element up by tag.
     *
     * @param tag the tag value
     * @return the dictionary entry, empty for elements this dictionary does not name
     */
    public static Optional<DicomAttribute> byTag(int tag) {
        return Optional.ofNullable(BY_TAG.get(tag));
    }

    /**
     * Looks an element up by its PS3.6 keyword (case-sensitive, as the standard spells it).
     *
     * @param keyword e.g. {@code PatientName}; null gives empty
     * @return the dictionary entry, empty when unknown
     */
    public static Optional<DicomAttribute> byKeyword(String keyword) {
        return Optional.ofNullable(keyword == null ? null : BY_KEYWORD.get(keyword));
    }
}
