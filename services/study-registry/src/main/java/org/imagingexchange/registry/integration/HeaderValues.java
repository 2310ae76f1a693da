package org.imagingexchange.registry.integration;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.PersonName;
import org.imagingexchange.registry.domain.PatientIdentifier;

/**
 * Values of a received header (C-STORE data set or KOS) in the index's types; an absent or unreadable value is
 * null, never an error (the header's UIDs are checked by the caller). Pure.
 */
final class HeaderValues {

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    private HeaderValues() {
    }

    /** @return the PN value as a DICOM string with its component groups; null when absent or empty */
    static String name(DicomDataset a, DicomAttribute attribute) {
        return a.getPersonName(attribute).filter(n -> !n.isEmpty()).map(PersonName::toDicomString).orElse(null);
    }

    /** @return the DA value (PS3.5 YYYYMMDD); null when absent or not a date */
    static LocalDate date(DicomDataset a, DicomAttribute attribute) {
        String v = a.getString(attribute);
        try {
            return v == null || v.isBlank() ? null : LocalDate.parse(v.strip(), DA);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return the IS value; null when absent or not an integer */
    static Integer integer(DicomDataset a, DicomAttribute attribute) {
        String v = a.getString(attribute);
        try {
            return v == null || v.isBlank() ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return the Other Patient IDs Sequence (0010,1002) items with a Patient ID, each with its issuer */
    static List<PatientIdentifier> otherPatientIds(DicomDataset a) {
        return a.getItems(DicomAttribute.OTHER_PATIENT_IDS_SEQUENCE).stream()
                .filter(i -> i.getString(DicomAttribute.PATIENT_ID) != null)
                .map(i -> new PatientIdentifier(i.getString(DicomAttribute.PATIENT_ID),
                        i.getString(DicomAttribute.ISSUER_OF_PATIENT_ID))).toList();
    }
}
