package org.imagingexchange.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonNamesTest {

    @Test
    void searchGroups_caseAccentsAndTrailingComponents_normalised() {
        assertEquals(Arrays.asList("muller^jurgen", null, null), PersonNames.searchGroups("Müller^Jürgen^^^"));
        assertEquals(PersonNames.searchGroups("MULLER^JURGEN"), PersonNames.searchGroups("Müller^Jürgen^^^"));
    }

    @Test
    void searchGroups_japaneseExampleOfPs35_keepsThreeGroups() {
        // PS3.5 H.3.1: Yamada^Tarou=山田^太郎=やまだ^たろう
        List<String> g = PersonNames.searchGroups("Yamada^Tarou=山田^太郎=やまだ^たろう");
        assertEquals("yamada^tarou", g.get(0));
        assertEquals("山田^太郎", g.get(1));
        assertEquals("やまだ^たろう", g.get(2));
    }

    @Test
    void searchGroups_ideographicOnly_leavesAlphabeticEmpty() {
        List<String> g = PersonNames.searchGroups("=김^희중");
        assertNull(g.get(0));
        assertEquals("김^희중", g.get(1));
    }

    @Test
    void components_everyGroupsNamesFolded() {
        assertEquals(Set.of("yamada", "tarou", "山田", "太郎", "やまだ", "たろう"),
                PersonNames.components("Yamada^Tarou=山田^太郎=やまだ^たろう"));
        assertEquals(Set.of(), PersonNames.components(null));
    }

    @Test
    void fuzzyTokens_separatorsAndWildcardsIgnored() {
        assertEquals(List.of("smi", "jo"), PersonNames.fuzzyTokens("Smi*^Jö"));
        assertEquals(List.of("ελληνικο"), PersonNames.fuzzyTokens("ΕΛΛΗΝΙΚΌ"), "Greek tonos folded like Latin accents");
        assertEquals(List.of("йцукен"), PersonNames.fuzzyTokens("ЙЦУКЕН"), "Cyrillic short i keeps being a letter");
    }
}
