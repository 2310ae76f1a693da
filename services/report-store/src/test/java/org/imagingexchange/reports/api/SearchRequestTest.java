package org.imagingexchange.reports.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.imagingexchange.kit.search.InvalidSearchParameterException;
import org.imagingexchange.reports.domain.PatientIdentifier;
import org.imagingexchange.reports.domain.StudyInstanceUid;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

    static SearchRequest parse(Map<String, List<String>> params) {
        return SearchRequest.parse(params, 20, 100);
    }

    @Test
    void parse_patientTokenWithSystem_systemAndValue() {
        SearchRequest r = parse(Map.of("patient:identifier", List.of("urn:oid:1.2|1CT1")));
        assertEquals(new PatientIdentifier.Query("urn:oid:1.2", "1CT1"), r.criteria().patient());
        assertEquals(20, r.count());
    }

    @Test
    void parse_patientValueOnly_anySystem() {
        assertNull(parse(Map.of("patient:identifier", List.of("1CT1"))).criteria().patient().system());
        assertEquals("", parse(Map.of("patient:identifier", List.of("|1CT1"))).criteria().patient().system());
    }

    @Test
    void parse_studyUidPlainOrToken_sameUid() {
        StudyInstanceUid uid = new StudyInstanceUid("1.2.3");
        assertEquals(uid, parse(Map.of("study-instance-uid", List.of("1.2.3"))).criteria().studyInstanceUid());
        assertEquals(uid, parse(Map.of("identifier", List.of("urn:dicom:uid|urn:oid:1.2.3"))).criteria().studyInstanceUid());
    }

    @Test
    void parse_countAboveMax_lowered() {
        assertEquals(100, parse(Map.of("patient:identifier", List.of("x"), "_count", List.of("500"))).count());
    }

    @Test
    void parse_invalidInput_400NamingParameter() {
        assertEquals("study-instance-uid", assertThrows(InvalidSearchParameterException.class,
                () -> parse(Map.of("study-instance-uid", List.of("1.02")))).issues().get(0).location());
        assertEquals("_count", assertThrows(InvalidSearchParameterException.class,
                () -> parse(Map.of("patient:identifier", List.of("x"), "_count", List.of("ten")))).issues().get(0).location());
        assertEquals("patient", assertThrows(InvalidSearchParameterException.class,
                () -> parse(Map.of("patient", List.of("x")))).issues().get(0).location());
        assertEquals("identifier", assertThrows(InvalidSearchParameterException.class,
                () -> parse(Map.of("identifier", List.of("ACC-1")))).issues().get(0).location());
        assertEquals("patient:identifier", assertThrows(InvalidSearchParameterException.class,
                () -> parse(Map.of())).issues().get(0).location());
    }

    @Test
    void parse_countZeroOrNegativeOrRepeatedParameter_400NamingIt() {
        for (Map<String, List<String>> bad : List.of(Map.of("patient:identifier", List.of("x"), "_count", List.of("0")),
                Map.of("patient:identifier", List.of("x"), "_count", List.of("-1")),
                Map.of("patient:identifier", List.of("x"), "_offset", List.of("-1")),
                Map.of("patient:identifier", List.of("x", "y")))) {
            String name = bad.keySet().stream().filter(k -> !k.equals("patient:identifier")).findFirst().orElse("patient:identifier");
            assertEquals(name, assertThrows(InvalidSearchParameterException.class, () -> parse(bad)).issues().get(0).location(),
                    bad.toString());
        }
    }
}
