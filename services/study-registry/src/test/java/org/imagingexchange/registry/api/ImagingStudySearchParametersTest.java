package org.imagingexchange.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagingexchange.registry.domain.DateRange;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.registry.domain.StudyQuery;
import org.junit.jupiter.api.Test;

class ImagingStudySearchParametersTest {

    @Test
    void parse_patientIdentifierWithSystem_isPatientIdAndIssuer() {
        StudyQuery q = ImagingStudySearchParameters.parse(Map.of("patient:identifier", List.of("HOSP-A|1CT1")));
        assertEquals("1CT1", q.patientId());
        assertEquals("HOSP-A", q.issuerOfPatientId());
        StudyQuery chained = ImagingStudySearchParameters.parse(Map.of("patient.identifier", List.of("1CT1")));
        assertEquals("1CT1", chained.patientId());
        assertNull(chained.issuerOfPatientId(), "no system: any issuer");
    }

    @Test
    void parse_identifier_studyUidOrAccession() {
        assertEquals(Set.of("1.2.3"), ImagingStudySearchParameters.parse(Map.of("identifier",
                List.of("urn:dicom:uid|urn:oid:1.2.3"))).studyInstanceUids());
        assertEquals("ACC-7", ImagingStudySearchParameters.parse(Map.of("identifier", List.of("ACC-7"))).accessionNumber());
    }

    @Test
    void parse_modalityAndStartedRange() {
        StudyQuery q = ImagingStudySearchParameters.parse(Map.of(
                "modality", List.of("http://dicom.nema.org/resources/ontology/DCM|CT,MR"),
                "started", List.of("ge2024-01-01", "lt2024-02-01")));
        assertEquals(List.of("CT", "MR"), q.modalitiesInStudy());
        assertEquals(new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31)), q.studyDate());
        assertEquals(new DateRange(LocalDate.of(2004, 1, 19), LocalDate.of(2004, 1, 19)),
                ImagingStudySearchParameters.parse(Map.of("started", List.of("2004-01-19"))).studyDate());
    }

    @Test
    void parse_bodysite_codesOfAnySeries() {
        assertEquals(List.of("CHEST", "HEAD"), ImagingStudySearchParameters.parse(Map.of("bodysite",
                List.of("http://dicom.nema.org/resources/ontology/DCM|CHEST,HEAD"))).bodyPartsExamined());
        assertThrows(org.imagingexchange.kit.search.InvalidSearchParameterException.class,
                () -> ImagingStudySearchParameters.parse(Map.of("bodysite", List.of("CHEST,"))));
    }

    @Test
    void parse_countAndOffset_areThePaging() {
        StudyQuery q = ImagingStudySearchParameters.parse(Map.of("_count", List.of("5"), "_offset", List.of("10")));
        assertEquals(5, q.paging().limit());
        assertEquals(10, q.paging().offset());
        assertEquals(ImagingStudySearchParameters.DEFAULT_COUNT, ImagingStudySearchParameters.parse(Map.of()).paging().limit());
    }

    @Test
    void parse_badInput_is400NamingTheParameter() {
        List<Map<String, List<String>>> bad = List.of(Map.of("foo", List.of("1")), Map.of("_count", List.of("0")),
                Map.of("_count", List.of("-1")), Map.of("_count", List.of("x")), Map.of("_offset", List.of("-1")),
                Map.of("patient:identifier", List.of("a", "b")), Map.of("patient:identifier", List.of("sys|")),
                Map.of("started", List.of("2026-13-45")), Map.of("started", List.of("sa2024-01-01")),
                Map.of("started", List.of("ge2024-02-01", "le2024-01-01")), Map.of("identifier", List.of("urn:oid:1.02")),
                Map.of("modality", List.of("CT,")));
        for (Map<String, List<String>> p : bad) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> ImagingStudySearchParameters.parse(p), p.toString());
            assertTrue(e.detail().contains(p.keySet().iterator().next()), e.detail());
        }
    }
}
