package org.imagingexchange.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.DimseStatus;
import org.imagingexchange.dicom.net.DimseException;
import org.imagingexchange.dicom.net.QueryRetrieveLevel;
import org.junit.jupiter.api.Test;

/** Unique keys of a C-GET / C-MOVE identifier, PS3.4 C.4.2.2.1 (hierarchical retrieve). */
class RetrieveResponderTest {

    @Test
    void uniqueKeys_seriesLevel_studyAndSeriesUids() throws DimseException {
        DicomDataset keys = new DicomDataset().putString(DicomAttribute.STUDY_INSTANCE_UID, "1.2.3")
                .putString(DicomAttribute.SERIES_INSTANCE_UID, "1.2.3.4").putString(DicomAttribute.PATIENT_NAME, "Doe^J");
        assertEquals(Map.of("StudyInstanceUID", List.of("1.2.3"), "SeriesInstanceUID", List.of("1.2.3.4")),
                RetrieveResponder.uniqueKeys(QueryRetrieveLevel.SERIES, keys), "other keys are not matched on");
    }

    @Test
    void uniqueKeys_imageLevelWithoutSopInstanceUid_a900() {
        DicomDataset keys = new DicomDataset().putString(DicomAttribute.STUDY_INSTANCE_UID, "1.2.3")
                .putString(DicomAttribute.SERIES_INSTANCE_UID, "1.2.3.4");
        DimseException e = assertThrows(DimseException.class, () -> RetrieveResponder.uniqueKeys(QueryRetrieveLevel.IMAGE, keys));
        assertEquals(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS.code(), e.statusCode());
    }

    @Test
    void uniqueKeys_wildcardInUniqueKey_a900() {
        DicomDataset keys = new DicomDataset().putString(DicomAttribute.PATIENT_ID, "1CT*");
        DimseException e = assertThrows(DimseException.class, () -> RetrieveResponder.uniqueKeys(QueryRetrieveLevel.PATIENT, keys));
        assertEquals(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS.code(), e.statusCode());
    }
}
