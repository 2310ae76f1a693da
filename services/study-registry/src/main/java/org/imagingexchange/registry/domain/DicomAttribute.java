package org.imagingexchange.registry.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's one dictionary of DICOM attributes (PS3.6 tag, keyword and VR) it stores, matches or
 * returns. Every tag and keyword used in code comes from here; QIDO-RS query keys (PS3.18 §8.3.4) may
 * name an attribute by keyword or by 8-digit hexadecimal tag.
 */
public enum DicomAttribute {
    SPECIFIC_CHARACTER_SET(0x00080005, "SpecificCharacterSet", "CS"),
    SOP_CLASS_UID(0x00080016, "SOPClassUID", "UI"),
    SOP_INSTANCE_UID(0x00080018, "SOPInstanceUID", "UI"),
    STUDY_DATE(0x00080020, "StudyDate", "DA"),
    STUDY_TIME(0x00080030, "StudyTime", "TM"),
    ACCESSION_NUMBER(0x00080050, "AccessionNumber", "SH"),
    ISSUER_OF_ACCESSION_NUMBER_SEQUENCE(0x00080051, "IssuerOfAccessionNumberSequence", "SQ"),
    MODALITY(0x00080060, "Modality", "CS"),
    MODALITIES_IN_STUDY(0x00080061, "ModalitiesInStudy", "CS"),
    SOP_CLASSES_IN_STUDY(0x00080062, "SOPClassesInStudy", "UI"),
    INSTITUTION_NAME(0x00080080, "InstitutionName", "LO"),
    REFERRING_PHYSICIAN_NAME(0x00080090, "ReferringPhysicianName", "PN"),
    STUDY_DESCRIPTION(0x00081030, "StudyDescription", "LO"),
    SERIES_DESCRIPTION(0x0008103E, "SeriesDescription", "LO"),
    RETRIEVE_URL(0x00081190, "RetrieveURL", "UR"),
    PATIENT_NAME(0x00100010, "PatientName", "PN"),
    PATIENT_ID(0x00100020, "PatientID", "LO"),
    ISSUER_OF_PATIENT_ID(0x00100021, "IssuerOfPatientID", "LO"),
    PATIENT_BIRTH_DATE(0x00100030, "PatientBirthDate", "DA"),
    PATIENT_SEX(0x00100040, "PatientSex", "CS"),
    OTHER_PATIENT_IDS_SEQUENCE(0x00101002, "OtherPatientIDsSequence", "SQ"),
    BODY_PART_EXAMINED(0x00180015, "BodyPartExamined", "CS"),
    STUDY_INSTANCE_UID(0x0020000D, "StudyInstanceUID", "UI"),
    SERIES_INSTANCE_UID(0x0020000E, "SeriesInstanceUID", "UI"),
    STUDY_ID(0x00200010, "StudyID", "SH"),
    SERIES_NUMBER(0x00200011, "SeriesNumber", "IS"),
    INSTANCE_NUMBER(0x00200013, "InstanceNumber", "IS"),
    NUMBER_OF_STUDY_RELATED_SERIES(0x00201206, "NumberOfStudyRelatedSeries", "IS"),
    NUMBER_OF_STUDY_RELATED_INSTANCES(0x00201208, "NumberOfStudyRelatedInstances", "IS"),
    NUMBER_OF_SERIES_RELATED_INSTANCES(0x00201209, "NumberOfSeriesRelatedInstances", "IS"),
    NUMBER_OF_FRAMES(0x00280008, "NumberOfFrames", "IS"),
    LOCAL_NAMESPACE_ENTITY_ID(0x00400031, "LocalNamespaceEntityID", "UT");

    private static final Map<String, DicomAttribute> BY_NAME = new HashMap<>();

    static {
        for (DicomAttribute a : values()) {
            BY_NAME.put(a.keyword, a);
            BY_NAME.put(a.tag(), a);
        }
    }

    private final int tag;
    private final String keyword;
    private final String vr;

    DicomAttribute(int tag, String keyword, String vr) {
        this.tag = tag;
        this.keyword = keyword;
        this.vr = vr;
    }

    /** @return the tag as 8 upper-case hexadecimal digits (group then element), as DICOM JSON keys it (PS3.18 F.2.1.1) */
    public String tag() {
        return String.format(Locale.ROOT, "%08X", tag);
    }

    /** @return the PS3.6 keyword, e.g. {@code StudyInstanceUID} */
    public String keyword() {
        return keyword;
    }

    /** @return the two-letter value representation (PS3.5 §6.2) */
    public String vr() {
        return vr;
    }

    /**
     * Looks an attribute up by keyword (case-sensitive, as PS3.18 requires) or by 8 hexadecimal digits.
     *
     * @param name keyword or tag; may be null
     * @return the attribute, empty when the registry does not know it
     */
    public static Optional<DicomAttribute> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        DicomAttribute a = BY_NAME.get(name);
        return a != null ? Optional.of(a) : Optional.ofNullable(BY_NAME.get(name.toUpperCase(Locale.ROOT)));
    }
}
