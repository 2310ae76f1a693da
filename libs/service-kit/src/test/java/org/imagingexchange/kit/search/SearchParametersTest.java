package org.imagingexchange.kit.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchParametersTest {

    static final Set<String> SUPPORTED = Set.of("patient:identifier", "date", SearchParameters.COUNT, SearchParameters.OFFSET);

    static SearchParameters of(Map<String, List<String>> params) {
        return SearchParameters.of(params, SUPPORTED);
    }

    static void assertRefused(String parameter, Runnable parse) {
        InvalidSearchParameterException e = assertThrows(InvalidSearchParameterException.class, parse::run);
        assertEquals(400, e.status());
        assertEquals(parameter, e.issues().get(0).location(), "the issue names the parameter: " + e.detail());
    }

    @Test
    void of_unknownParameter_400NamingIt() {
        assertRefused("patient:identifer", () -> of(Map.of("patient:identifer", List.of("1CT1"))));
    }

    @Test
    void of_formatParameter_accepted() {
        assertEquals("json", of(Map.of("_format", List.of("json"))).single("_format"));
    }

    @Test
    void single_repeated_400NamingIt() {
        assertRefused("patient:identifier", () -> of(Map.of("patient:identifier", List.of("a", "b"))).single("patient:identifier"));
    }

    @Test
    void single_absent_null() {
        assertNull(of(Map.of()).single("patient:identifier"));
    }

    @Test
    void all_repeatable_inOrder() {
        assertEquals(List.of("ge2026", "lt2027"), of(Map.of("date", List.of("ge2026", "lt2027"))).all("date"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "x", "1.5", "", "99999999999"})
    void count_belowOneOrNotAWholeNumber_400(String value) {
        assertRefused("_count", () -> of(Map.of("_count", List.of(value))).count(20, 100));
    }

    @Test
    void count_repeated_400() {
        assertRefused("_count", () -> of(Map.of("_count", List.of("1", "2"))).count(20, 100));
    }

    @Test
    void count_absentInRangeAndAboveMax_defaultValueAndMax() {
        assertEquals(20, of(Map.of()).count(20, 100));
        assertEquals(7, of(Map.of("_count", List.of(" 7 "))).count(20, 100));
        assertEquals(100, of(Map.of("_count", List.of("5000"))).count(20, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc"})
    void offset_negativeOrNotANumber_400(String value) {
        assertRefused("_offset", () -> of(Map.of("_offset", List.of(value))).offset());
    }

    @Test
    void offset_absentAndZero_zero() {
        assertEquals(0, of(Map.of()).offset());
        assertEquals(0, of(Map.of("_offset", List.of("0"))).offset());
    }

    @Test
    void integer_outOfRange_400() {
        assertRefused("limit", () -> SearchParameters.of(Map.of("limit", List.of("1001")), Set.of("limit"))
                .integer("limit", 100, 1, 1000));
    }
}
