package org.imagingexchange.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QidoQueryParserTest {

    @Test
    void studies_keywordsAndTags_areParsed() {
        StudyQuery q = QidoQueryParser.studies(Map.of(
                "PatientID", List.of("1CT1"),
                "00100010", List.of("Smith*"),
                "StudyDate", List.of("20240101-"),
                "ModalitiesInStudy", List.of("CT,MR"),
                "StudyInstanceUID", List.of("1.2.3,1.2.4", "1.2.5"),
                "limit", List.of("10"), "offset", List.of("20")));
        assertEquals("1CT1", q.patientId());
        assertEquals("Smith*", q.patientName(), "PatientName given by tag");
        assertEquals(new DateRange(java.time.LocalDate.of(2024, 1, 1), null), q.studyDate());
        assertEquals(List.of("CT", "MR"), q.modalitiesInStudy());
        assertEquals(Set.of("1.2.3", "1.2.4", "1.2.5"), q.studyInstanceUids());
        assertEquals(new Paging(20, 10), q.paging());
    }

    @Test
    void studies_noParameters_defaultPagingAndNoKeys() {
        StudyQuery q = QidoQueryParser.studies(Map.of());
        assertNull(q.patientId());
        assertNull(q.studyDate());
        assertEquals(Paging.DEFAULT, q.paging());
    }

    @Test
    void studies_emptyStudyDate_isUniversal() {
        assertNull(QidoQueryParser.studies(Map.of("StudyDate", List.of(""))).studyDate());
    }

    @Test
    void studies_unknownKey_is400NamingIt() {
        InvalidQueryParameterException e = assertThrows(InvalidQueryParameterException.class,
                () -> QidoQueryParser.studies(Map.of("PatientNmae", List.of("x"))));
        assertTrue(e.detail().contains("PatientNmae"), e.detail());
        assertEquals(400, e.status());
    }

    @Test
    void studies_keyOfAnotherLevel_is400() {
        assertThrows(InvalidQueryParameterException.class,
                () -> QidoQueryParser.studies(Map.of("SOPInstanceUID", List.of("1.2.3"))));
    }

    @Test
    void studies_malformedUid_is400() {
        for (String bad : List.of("1.2.03", "1..2", "abc", "1.2.", "1." + "1".repeat(70))) {
            assertThrows(InvalidQueryParameterException.class,
                    () -> QidoQueryParser.studies(Map.of("StudyInstanceUID", List.of(bad))), bad);
        }
    }

    @Test
    void studies_badPaging_is400NamingParameter() {
        for (Map<String, List<String>> p : List.of(Map.of("limit", List.of("0")),
                Map.of("limit", List.of("ten")), Map.of("offset", List.of("-1")), Map.of("fuzzymatching", List.of("yes")))) {
            InvalidQueryParameterException e = assertThrows(InvalidQueryParameterException.class,
                    () -> QidoQueryParser.studies(p), p.toString());
            assertTrue(e.detail().contains(p.keySet().iterator().next()), e.detail());
        }
    }

    @Test
    void studies_limitAboveMaximum_isReducedAndFlagged() {
        Paging p = QidoQueryParser.studies(Map.of("limit", List.of("5000"))).paging();
        assertEquals(Paging.MAX_LIMIT, p.limit());
        assertTrue(p.limitReduced(), "the answer must carry a Warning (PS3.18 §8.3.4.4)");
    }

    @Test
    void studies_requiredKeysOfTable10615_areAccepted() {
        StudyQuery q = QidoQueryParser.studies(Map.of("StudyTime", List.of("0700-0800"), "ReferringPhysicianName",
                List.of("Welby*"), "StudyID", List.of("S1"), "IssuerOfPatientID", List.of("HOSP-A"),
                "fuzzymatching", List.of("true"), "PatientName", List.of("joh")));
        assertEquals(new TimeRange("070000", "080059.999999"), q.studyTime());
        assertEquals("Welby*", q.referringPhysicianName());
        assertEquals("S1", q.studyId());
        assertEquals("HOSP-A", q.issuerOfPatientId());
        assertTrue(q.fuzzy());
    }

    @Test
    void studies_badTime_is400NamingStudyTime() {
        InvalidQueryParameterException e = assertThrows(InvalidQueryParameterException.class,
                () -> QidoQueryParser.studies(Map.of("StudyTime", List.of("2500"))));
        assertTrue(e.detail().contains("StudyTime"), e.detail());
    }

    @Test
    void studies_badDate_is400NamingStudyDate() {
        InvalidQueryParameterException e = assertThrows(InvalidQueryParameterException.class,
                () -> QidoQueryParser.studies(Map.of("StudyDate", List.of("2024-01-01"))));
        assertTrue(e.detail().contains("StudyDate"));
    }

    @Test
    void studies_includefield_knownAllAndUnknown() {
        assertTrue(QidoQueryParser.studies(Map.of("includefield", List.of("all"))).fields().all());
        assertTrue(QidoQueryParser.studies(Map.of("includefield", List.of("BodyPartExamined,00081030"))).fields()
                .includes(DicomAttribute.STUDY_DESCRIPTION));
        assertThrows(InvalidQueryParameterException.class,
                () -> QidoQueryParser.studies(Map.of("includefield", List.of("NoSuchKeyword"))));
    }

    @Test
    void studies_singleValuedKeyTwice_is400() {
        assertThrows(InvalidQueryParameterException.class,
                () -> QidoQueryParser.studies(Map.of("PatientID", List.of("a", "b"))));
    }

    @Test
    void series_modalityAndUid_parsed() {
        SeriesQuery q = QidoQueryParser.series(Map.of("Modality", List.of("CT"), "SeriesInstanceUID", List.of("1.2.3")));
        assertTrue(q.matches(new Series("1.2.3", "CT", 1, null, null, 1)));
        assertThrows(InvalidQueryParameterException.class, () -> QidoQueryParser.series(Map.of("PatientID", List.of("x"))));
    }

    @Test
    void instances_sopClass_parsed() {
        InstanceQuery q = QidoQueryParser.instances(Map.of("SOPClassUID", List.of("1.2.840.10008.5.1.4.1.1.2")));
        assertTrue(q.matches(new Instance("1.2.3", "1.2.840.10008.5.1.4.1.1.2", 1, null)));
    }
}
