package org.imagingexchange.registry.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.imagingexchange.registry.domain.Instance;
import org.imagingexchange.registry.domain.Series;
import org.imagingexchange.registry.domain.Study;
import org.junit.jupiter.api.Test;

class DicomJsonParserTest {

    /** Shaped like Orthanc's DICOMweb plugin answer for CT_small (PS3.18 F.2), plus a Japanese PN (PS3.5 H.3.1). */
    private static final String STUDIES = """
            [ {
              "00080005": { "vr": "CS", "Value": ["ISO_IR 192"] },
              "00080020": { "vr": "DA", "Value": ["20040119"] },
              "00080030": { "vr": "TM", "Value": ["072730"] },
              "00080050": { "vr": "SH" },
              "00080061": { "vr": "CS", "Value": ["CT", "SR"] },
              "00080090": { "vr": "PN" },
              "00081030": { "vr": "LO", "Value": ["e+1"] },
              "00100010": { "vr": "PN", "Value": [ { "Alphabetic": "Yamada^Tarou", "Ideographic": "山田^太郎", "Phonetic": "やまだ^たろう" } ] },
              "00100020": { "vr": "LO", "Value": ["1CT1"] },
              "00100030": { "vr": "DA", "Value": ["19700101"] },
              "00100040": { "vr": "CS", "Value": ["M"] },
              "0020000D": { "vr": "UI", "Value": ["1.3.6.1.4.1.5962.1.2.1.20040119072730.12322"] },
              "00200010": { "vr": "SH", "Value": ["1CT1"] },
              "00201206": { "vr": "IS", "Value": [1] }
            } ]
            """;

    @Test
    void studies_orthancShapedAnswer_readsEveryManifestAttribute() {
        Study s = DicomJsonParser.studies(array(STUDIES)).get(0);

        assertEquals("1.3.6.1.4.1.5962.1.2.1.20040119072730.12322", s.studyInstanceUid());
        assertEquals("1CT1", s.patientId());
        assertEquals("", s.issuerOfPatientId(), "absent Issuer of Patient ID is empty");
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", s.patientName(), "all PN component groups are kept");
        assertEquals(LocalDate.of(2004, 1, 19), s.studyDate());
        assertEquals("072730", s.studyTime());
        assertEquals(LocalDate.of(1970, 1, 1), s.patientBirthDate());
        assertEquals("M", s.patientSex());
        assertEquals(List.of("CT", "SR"), s.modalitiesInStudy(), "multi-valued ModalitiesInStudy");
        assertNull(s.accessionNumber(), "an attribute without Value is null");
        assertNull(s.referringPhysicianName(), "an empty PN is null");
        assertEquals("e+1", s.studyDescription());
        assertEquals("1CT1", s.studyId());
    }

    @Test
    void studies_alphabeticOnlyName_hasNoGroupSeparator() {
        Study s = DicomJsonParser.studies(array("""
                [ { "0020000D": { "vr": "UI", "Value": ["1.2.3"] },
                    "00100010": { "vr": "PN", "Value": [ { "Alphabetic": "CompressedSamples^MR1" } ] } } ]
                """)).get(0);
        assertEquals("CompressedSamples^MR1", s.patientName());
        assertEquals("", s.patientId(), "missing Patient ID is empty");
        assertTrue(s.modalitiesInStudy().isEmpty());
        assertNull(s.studyDate());
    }

    @Test
    void studies_ideographicOnlyName_keepsEmptyAlphabeticGroup() {
        Study s = DicomJsonParser.studies(array("""
                [ { "0020000D": { "vr": "UI", "Value": ["1.2.3"] },
                    "00100010": { "vr": "PN", "Value": [ { "Ideographic": "洪^吉洞" } ] } } ]
                """)).get(0);
        assertEquals("=洪^吉洞", s.patientName());
    }

    @Test
    void studies_invalidDate_isNull() {
        Study s = DicomJsonParser.studies(array("""
                [ { "0020000D": { "vr": "UI", "Value": ["1.2.3"] }, "00080020": { "vr": "DA", "Value": ["20230230"] } } ]
                """)).get(0);
        assertNull(s.studyDate(), "February 30 is not a date");
    }

    @Test
    void studies_withoutStudyInstanceUid_isMalformed() {
        assertThrows(MalformedDicomJsonException.class, () -> DicomJsonParser.studies(array("""
                [ { "00100020": { "vr": "LO", "Value": ["X"] } } ]
                """)));
    }

    @Test
    void studies_elementNotAnObject_isMalformed() {
        assertThrows(MalformedDicomJsonException.class, () -> DicomJsonParser.studies(array("""
                [ { "0020000D": "1.2.3" } ]
                """)));
        assertThrows(MalformedDicomJsonException.class, () -> DicomJsonParser.studies(array("[ 1 ]")));
    }

    @Test
    void series_numbersAsJsonNumbersOrStrings_areRead() {
        List<Series> series = DicomJsonParser.series(array("""
                [ { "0020000E": { "vr": "UI", "Value": ["1.2.3.1"] }, "00080060": { "vr": "CS", "Value": ["CT"] },
                    "00200011": { "vr": "IS", "Value": [2] }, "0008103E": { "vr": "LO", "Value": ["AXIAL"] },
                    "00180015": { "vr": "CS", "Value": ["CHEST"] } },
                  { "0020000E": { "vr": "UI", "Value": ["1.2.3.2"] }, "00200011": { "vr": "IS", "Value": ["+7"] } } ]
                """));
        assertEquals(new Series("1.2.3.1", "CT", 2, "AXIAL", "CHEST", 0), series.get(0));
        assertEquals(7, series.get(1).seriesNumber());
        assertNull(series.get(1).modality());
    }

    @Test
    void instances_multiFrameAndMissingFrames_areRead() {
        List<Instance> instances = DicomJsonParser.instances(array("""
                [ { "00080018": { "vr": "UI", "Value": ["1.2.3.1.1"] }, "00080016": { "vr": "UI", "Value": ["1.2.840.10008.5.1.4.1.1.12.1"] },
                    "00200013": { "vr": "IS", "Value": [1] }, "00280008": { "vr": "IS", "Value": ["96"] } },
                  { "00080018": { "vr": "UI", "Value": ["1.2.3.1.2"] }, "00080016": { "vr": "UI", "Value": ["1.2.840.10008.5.1.4.1.1.2"] } } ]
                """));
        assertEquals(new Instance("1.2.3.1.1", "1.2.840.10008.5.1.4.1.1.12.1", 1, 96), instances.get(0));
        assertEquals(new Instance("1.2.3.1.2", "1.2.840.10008.5.1.4.1.1.2", null, null), instances.get(1));
    }

    @Test
    void contentsByStudy_instancesOfSeveralStudies_groupedByStudyThenSeries() {
        var byStudy = DicomJsonParser.contentsByStudy(array("""
                [ { "0020000D": { "vr": "UI", "Value": ["1.2.1"] }, "0020000E": { "vr": "UI", "Value": ["1.2.1.1"] },
                    "00080060": { "vr": "CS", "Value": ["CT"] }, "00080018": { "vr": "UI", "Value": ["1.2.1.1.1"] } },
                  { "0020000D": { "vr": "UI", "Value": ["1.2.2"] }, "0020000E": { "vr": "UI", "Value": ["1.2.2.1"] },
                    "00080060": { "vr": "CS", "Value": ["MR"] }, "00080018": { "vr": "UI", "Value": ["1.2.2.1.1"] } },
                  { "0020000D": { "vr": "UI", "Value": ["1.2.1"] }, "0020000E": { "vr": "UI", "Value": ["1.2.1.1"] },
                    "00080060": { "vr": "CS", "Value": ["CT"] }, "00080018": { "vr": "UI", "Value": ["1.2.1.1.2"] } } ]
                """));
        assertEquals(List.of("1.2.1", "1.2.2"), List.copyOf(byStudy.keySet()));
        assertEquals(List.of("1.2.1.1.1", "1.2.1.1.2"), byStudy.get("1.2.1").get(0).instances().stream()
                .map(Instance::sopInstanceUid).toList());
        assertEquals("MR", byStudy.get("1.2.2").get(0).series().modality());
        assertThrows(MalformedDicomJsonException.class, () -> DicomJsonParser.contentsByStudy(array("""
                [ { "0020000E": { "vr": "UI", "Value": ["1.2.1.1"] }, "00080018": { "vr": "UI", "Value": ["1.2.1.1.1"] } } ]
                """)), "an instance without its study cannot be placed");
    }

    private static JsonArray array(String json) {
        return Json.createReader(new StringReader(json)).readArray();
    }
}
