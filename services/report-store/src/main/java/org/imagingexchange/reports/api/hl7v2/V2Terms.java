package org.imagingexchange.reports.api.hl7v2;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imagingexchange.reports.domain.Coding;

/**
 * The code tables of the ORU^R01 mapping: HL7 table 0123 result status to FHIR DiagnosticReport.status
 * (as the HL7 v2-to-FHIR ConceptMap "ResultStatus" does), HL7 table 0074 diagnostic service section to
 * DICOM CID 29 modality, HL7 table 0396 coding system names to FHIR code system URIs, and the
 * observation identifier suffixes of HL7 v2 chapter 7 (and the DICOM codes) that name report sections.
 * Pure and thread-safe.
 */
public final class V2Terms {

    /** The part of the report an OBX carries. */
    public enum Section {
        /** Findings (&amp;GDT general description, &amp;FND, &amp;DSC; LOINC 59776-5), eHN A.5.4. */
        FINDINGS("59776-5", "Findings"),
        /** Impression (&amp;IMP; LOINC 19005-8), eHN A.5.5, becomes DiagnosticReport.conclusion. */
        IMPRESSION("19005-8", "Impression"),
        /** Recommendation (&amp;REC; LOINC 18783-1), eHN A.5.6. */
        RECOMMENDATION("18783-1", "Recommendation"),
        /** Clinical history / indication (&amp;CLN, &amp;HIS; LOINC 11329-0), eHN A.3. */
        HISTORY("11329-0", "History"),
        /** Procedure / technique (&amp;TCM, &amp;TEC, &amp;PRO; LOINC 55111-9), eHN A.5.1. */
        PROCEDURE("55111-9", "Procedure"),
        /** Comparison (&amp;CMP, &amp;COM; LOINC 18834-2), eHN A.7. */
        COMPARISON("18834-2", "Comparison"),
        /** Addendum (&amp;ADT), appended to the findings section with a heading. */
        ADDENDUM("59776-5", "Addendum"),
        /** Study Instance UID (DCM 110180 Study Instance UID, DCM 113014 Study, &amp;IUID / &amp;SUID), eHN A.1.8.10. */
        STUDY_UID("", "Study Instance UID");

        private final String loinc;
        private final String title;

        Section(String loinc, String title) {
            this.loinc = loinc;
            this.title = title;
        }

        /** @return the LOINC section code of the HL7 Europe Imaging Report Composition; empty for the Study UID */
        public String loinc() {
            return loinc;
        }

        /** @return English section title */
        public String title() {
            return title;
        }
    }

    private static final Map<String, String> RESULT_STATUS = Map.ofEntries(
            Map.entry("O", "registered"), Map.entry("I", "registered"), Map.entry("S", "partial"),
            Map.entry("A", "partial"), Map.entry("R", "partial"), Map.entry("P", "preliminary"),
            Map.entry("C", "corrected"), Map.entry("F", "final"), Map.entry("X", "cancelled"),
            Map.entry("W", "entered-in-error"));

    /** HL7 table 0074 sections that name one DICOM modality, plus the DICOM CID 29 codes RIS send there as-is. */
    private static final Map<String, String> SERVICE_SECTION = Map.ofEntries(
            Map.entry("CT", "CT"), Map.entry("CTH", "CT"), Map.entry("NMR", "MR"), Map.entry("NMS", "NM"),
            Map.entry("RUS", "US"), Map.entry("OUS", "US"), Map.entry("CUS", "US"), Map.entry("VUS", "US"),
            Map.entry("XRC", "XA"));
    private static final Set<String> DICOM_MODALITIES = Set.of("CR", "CT", "DX", "MG", "MR", "NM", "OT", "PT",
            "RF", "US", "XA", "IO", "PX", "OPT", "ES", "SM", "BMD");

    private static final Map<String, String> CODING_SYSTEMS = Map.of(
            "LN", Coding.LOINC, "SCT", "http://snomed.info/sct", "SNM", "http://snomed.info/sct",
            "DCM", Coding.DICOM_DCM, "RADLEX", "http://radlex.org", "RID", "http://radlex.org");

    private static final Map<String, Section> SUFFIXES = Map.ofEntries(
            Map.entry("GDT", Section.FINDINGS), Map.entry("FND", Section.FINDINGS), Map.entry("DSC", Section.FINDINGS),
            Map.entry("IMP", Section.IMPRESSION), Map.entry("REC", Section.RECOMMENDATION),
            Map.entry("CLN", Section.HISTORY), Map.entry("HIS", Section.HISTORY), Map.entry("TCM", Section.PROCEDURE),
            Map.entry("TEC", Section.PROCEDURE), Map.entry("PRO", Section.PROCEDURE),
            Map.entry("CMP", Section.COMPARISON), Map.entry("COM", Section.COMPARISON), Map.entry("ADT", Section.ADDENDUM),
            Map.entry("IUID", Section.STUDY_UID), Map.entry("SUID", Section.STUDY_UID),
            Map.entry("110180", Section.STUDY_UID), Map.entry("113014", Section.STUDY_UID),
            Map.entry("59776-5", Section.FINDINGS), Map.entry("19005-8", Section.IMPRESSION),
            Map.entry("18783-1", Section.RECOMMENDATION), Map.entry("11329-0", Section.HISTORY),
            Map.entry("55111-9", Section.PROCEDURE), Map.entry("18834-2", Section.COMPARISON));

    private V2Terms() {
    }

    /**
     * @param code OBR-25 result status (HL7 table 0123)
     * @return the FHIR R4 DiagnosticReport.status code; empty when the code is not one of table 0123
     */
    public static Optional<String> reportStatus(String code) {
        return Optional.ofNullable(code == null ? null : RESULT_STATUS.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    /**
     * @param section OBR-24 diagnostic service section id (HL7 table 0074, or a DICOM modality code as many RIS send)
     * @return the DICOM CID 29 modality; empty when the section names none (e.g. {@code RAD})
     */
    public static Optional<String> modality(String section) {
        if (section == null) {
            return Optional.empty();
        }
        String s = section.trim().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(SERVICE_SECTION.getOrDefault(s, DICOM_MODALITIES.contains(s) ? s : null));
    }

    /**
     * @param name CE/CWE name of coding system (HL7 table 0396), e.g. {@code LN}
     * @return the FHIR code system URI; empty for local or unknown systems
     */
    public static Optional<String> codeSystem(String name) {
        return Optional.ofNullable(name == null ? null : CODING_SYSTEMS.get(name.trim().toUpperCase(Locale.ROOT)));
    }

    /**
     * The section an OBX belongs to, from its observation identifier (OBX-3): the suffix after {@code &}
     * (HL7 v2 chapter 7 observation identifier suffixes; a literal {@code &} arrives as OBX-3.1's second
     * subcomponent), or the identifier itself when it is a known suffix, LOINC section or DICOM code.
     *
     * @param identifier OBX-3.1 as sent, subcomponents joined by {@code &}
     * @return the section; empty for observations the mapping does not use
     */
    public static Optional<Section> section(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return Optional.empty();
        }
        String id = identifier.trim().toUpperCase(Locale.ROOT);
        int amp = id.lastIndexOf('&');
        String suffix = amp >= 0 ? id.substring(amp + 1) : id;
        return Optional.ofNullable(SUFFIXES.get(suffix));
    }
}
