package org.imagingexchange.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Range matching of DA values (PS3.4 C.2.2.2.5). */
class DateRangeTest {

    private static final LocalDate D = LocalDate.of(2024, 3, 15);

    @Test
    void parse_singleDate_matchesThatDayOnly() {
        DateRange r = DateRange.parse("StudyDate", "20240315");
        assertTrue(r.contains(D));
        assertFalse(r.contains(D.plusDays(1)));
    }

    @Test
    void parse_closedRange_boundsInclusive() {
        DateRange r = DateRange.parse("StudyDate", "20240301-20240315");
        assertTrue(r.contains(LocalDate.of(2024, 3, 1)));
        assertTrue(r.contains(D));
        assertFalse(r.contains(D.plusDays(1)));
        assertFalse(r.contains(null), "a study without date does not match a range");
    }

    @Test
    void parse_openRanges_fromAndUntil() {
        assertEquals(new DateRange(D, null), DateRange.parse("StudyDate", "20240315-"));
        assertEquals(new DateRange(null, D), DateRange.parse("StudyDate", "-20240315"));
        assertTrue(DateRange.parse("StudyDate", "-20240315").contains(LocalDate.of(1999, 1, 1)));
        assertFalse(DateRange.parse("StudyDate", "20240316-").contains(D));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-15", "2024031", "20240230", "20241301", "abc", "-", "20240101-20240201-20240301",
            "20240315-20240301"})
    void parse_malformed_throwsNamingParameter(String value) {
        InvalidQueryParameterException e = assertThrows(InvalidQueryParameterException.class,
                () -> DateRange.parse("StudyDate", value));
        assertEquals(400, e.status());
        assertTrue(e.detail().contains("StudyDate"), "detail names the parameter: " + e.detail());
    }
}
