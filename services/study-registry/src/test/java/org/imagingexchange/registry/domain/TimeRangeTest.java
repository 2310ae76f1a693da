package org.imagingexchange.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** PS3.4 C.2.2.2.5 range matching of TM keys, bounds inclusive at their precision. */
class TimeRangeTest {

    @Test
    void parse_singleValue_coversItsPrecision() {
        assertEquals(new TimeRange("080000", "080059.999999"), TimeRange.parse("StudyTime", "0800"));
        assertEquals(new TimeRange("080000", "085959.999999"), TimeRange.parse("StudyTime", "08"));
    }

    @Test
    void parse_openAndClosedRanges() {
        assertEquals(new TimeRange("070000", null), TimeRange.parse("StudyTime", "0700-"));
        assertEquals(new TimeRange(null, "120000.999999"), TimeRange.parse("StudyTime", "-120000"));
        assertEquals(new TimeRange("070000.5", "080000.599999"), TimeRange.parse("StudyTime", "070000.5-080000.5"));
    }

    @Test
    void parse_invalid_is400() {
        for (String bad : new String[] {"2500", "0760", "-", "0800-0700", "08:00", "0800-09-10"}) {
            assertEquals(400, assertThrows(InvalidQueryParameterException.class,
                    () -> TimeRange.parse("StudyTime", bad), bad).status());
        }
    }
}
