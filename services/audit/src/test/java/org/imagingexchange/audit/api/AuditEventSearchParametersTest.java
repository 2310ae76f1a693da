package org.imagingexchange.audit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagingexchange.audit.domain.AuditQuery;
import org.imagingexchange.kit.search.InvalidSearchParameterException;
import org.junit.jupiter.api.Test;

class AuditEventSearchParametersTest {

    private static Map<String, List<String>> params(String... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.computeIfAbsent(kv[i], k -> new java.util.ArrayList<>()).add(kv[i + 1]);
        }
        return m;
    }

    @Test
    void parse_patientIdentifierWithSystem_splitsSystemAndValue() {
        AuditQuery q = AuditEventSearchParameters.parse(params("patient:identifier", "urn:oid:1.2.3|1CT1"));

        assertEquals("1CT1", q.patientId());
        assertEquals("urn:oid:1.2.3", q.patientIssuer());
        assertEquals(AuditQuery.DEFAULT_COUNT, q.count());
    }

    @Test
    void parse_valueOnly_anyIssuer() {
        AuditQuery q = AuditEventSearchParameters.parse(params("patient:identifier", "1CT1"));

        assertEquals("1CT1", q.patientId());
        assertNull(q.patientIssuer());
    }

    @Test
    void parse_dayRange_geAndLe_coverWholeDays() {
        AuditQuery q = AuditEventSearchParameters.parse(params("date", "ge2025-03-01", "date", "le2025-03-02"));

        assertEquals(Instant.parse("2025-03-01T00:00:00Z"), q.recordedFrom());
        assertEquals(Instant.parse("2025-03-03T00:00:00Z"), q.recordedBefore(), "le a day includes that whole day");
    }

    @Test
    void parse_dateTimeWithOffset_gtIsAfterThatSecond() {
        AuditQuery q = AuditEventSearchParameters.parse(params("date", "gt2025-03-01T10:00:00+01:00"));

        assertEquals(Instant.parse("2025-03-01T09:00:01Z"), q.recordedFrom());
    }

    @Test
    void parse_yearOnlyEq_wholeYear() {
        AuditQuery q = AuditEventSearchParameters.parse(params("date", "2025"));

        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), q.recordedFrom());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), q.recordedBefore());
    }

    @Test
    void parse_countAboveMax_capped() {
        assertEquals(AuditQuery.MAX_COUNT, AuditEventSearchParameters.parse(params("_count", "10000")).count());
    }

    @Test
    void parse_badInputs_400NamingTheParameter() {
        assertEquals("date", assertThrows(InvalidSearchParameterException.class,
                () -> AuditEventSearchParameters.parse(params("date", "yesterday"))).issues().get(0).location());
        assertEquals("date", assertThrows(InvalidSearchParameterException.class,
                () -> AuditEventSearchParameters.parse(params("date", "2025-03-01T10:00:00"))).issues().get(0).location(),
                "a time without zone is refused");
        assertEquals("_count", assertThrows(InvalidSearchParameterException.class,
                () -> AuditEventSearchParameters.parse(params("_count", "-1"))).issues().get(0).location());
        assertEquals("subject", assertThrows(InvalidSearchParameterException.class,
                () -> AuditEventSearchParameters.parse(params("subject", "x"))).issues().get(0).location());
    }

    @Test
    void parse_countZeroRepeatedOrBothSpellings_400NamingTheParameter() {
        assertEquals("_count", assertThrows(InvalidSearchParameterException.class,
                () -> AuditEventSearchParameters.parse(params("_count", "0"))).issues().get(0).location());
        assertEquals("agent", assertThrows(InvalidSearchParameterException.class,
                () -> AuditEventSearchParameters.parse(Map.of("agent", List.of("a", "b")))).issues().get(0).location());
        assertEquals("agent:identifier", assertThrows(InvalidSearchParameterException.class,
                () -> AuditEventSearchParameters.parse(Map.of("agent", List.of("a"), "agent:identifier", List.of("b"))))
                .issues().get(0).location());
    }
}
