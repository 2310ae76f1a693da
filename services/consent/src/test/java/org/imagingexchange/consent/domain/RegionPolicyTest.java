package org.imagingexchange.consent.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionPolicyTest {

    @Test
    void parse_knownValues_ignoringCaseAndBlanks() {
        assertEquals(RegionPolicy.OPT_IN, RegionPolicy.parse("opt-in"));
        assertEquals(RegionPolicy.OPT_OUT, RegionPolicy.parse(" OPT-OUT "));
        assertEquals(RegionPolicy.TREATMENT_ONLY, RegionPolicy.parse("treatment-only"));
        assertEquals(RegionPolicy.BREAK_GLASS_ONLY, RegionPolicy.parse("Break-Glass-Only"));
    }

    @Test
    void parse_unknownValue_throwsNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RegionPolicy.parse("optout"));

        assertTrue(e.getMessage().contains("exchange.consent.default-policy"), "message names the config key: " + e.getMessage());
    }
}
