package org.imagingexchange.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.imagingexchange.dicom.DicomAttribute;
import org.imagingexchange.dicom.DicomDataset;
import org.imagingexchange.dicom.net.QueryRetrieveLevel;
import org.junit.jupiter.api.Test;

/** C-FIND identifiers become the QIDO-RS matching the registry runs: supported keys match, the rest only return. */
class CFindResponderTest {

    @Test
    void parameters_studyLevel_supportedKeysWithValuesMatchOthersReturnOnly() {
        DicomDataset identifier = new DicomDataset()
                .putString(DicomAttribute.QUERY_RETRIEVE_LEVEL, "STUDY")
                .putString(DicomAttribute.PATIENT_NAME, "Doe^J*")
                .putString(DicomAttribute.STUDY_DATE, "20240101-20240131")
                .putString(DicomAttribute.MODALITIES_IN_STUDY, "CT", "MR")
                .putString(DicomAttribute.STUDY_DESCRIPTION, "thorax")
                .putString(DicomAttribute.STUDY_INSTANCE_UID)
                .putString(DicomAttribute.PATIENT_ID, "*");
        Map<String, List<String>> p = CFindResponder.parameters(QueryRetrieveLevel.STUDY, identifier);
        assertEquals(Map.of("PatientName", List.of("Doe^J*"), "StudyDate", List.of("20240101-20240131"),
                "ModalitiesInStudy", List.of("CT", "MR"), "includefield", List.of("all")), p,
                "StudyDescription is no matching key (return key only); empty and '*' values match everything");
    }

    @Test
    void parameters_seriesKeysMatchOnlyFromSeriesLevel() {
        DicomDataset identifier = new DicomDataset()
                .putString(DicomAttribute.STUDY_INSTANCE_UID, "1.2.3")
                .putString(DicomAttribute.MODALITY, "CT")
                .putString(DicomAttribute.SOP_INSTANCE_UID, "1.2.3.4.5");
        assertEquals(Map.of("StudyInstanceUID", List.of("1.2.3"), "includefield", List.of("all")),
                CFindResponder.parameters(QueryRetrieveLevel.STUDY, identifier));
        assertEquals(Map.of("StudyInstanceUID", List.of("1.2.3"), "Modality", List.of("CT"), "includefield", List.of("all")),
                CFindResponder.parameters(QueryRetrieveLevel.SERIES, identifier));
        assertEquals(Map.of("StudyInstanceUID", List.of("1.2.3"), "Modality", List.of("CT"),
                "SOPInstanceUID", List.of("1.2.3.4.5"), "includefield", List.of("all")),
                CFindResponder.parameters(QueryRetrieveLevel.IMAGE, identifier));
    }
}
