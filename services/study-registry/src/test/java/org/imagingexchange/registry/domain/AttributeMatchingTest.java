package org.imagingexchange.registry.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cases from PS3.4 C.2.2.2 (single value, universal, wildcard, list of UID matching). */
class AttributeMatchingTest {

    @Test
    void matches_emptyKey_isUniversalMatching() {
        assertTrue(AttributeMatching.matches("", "anything", false));
        assertTrue(AttributeMatching.matches(null, null, false), "universal matching also matches absent values");
    }

    @Test
    void matches_singleValue_isExactAndCaseSensitiveForNonPn() {
        assertTrue(AttributeMatching.matches("1CT1", "1CT1", false));
        assertFalse(AttributeMatching.matches("1ct1", "1CT1", false), "C.2.2.2.1: single value matching is case-sensitive");
        assertFalse(AttributeMatching.matches("1CT", "1CT1", false), "no prefix match without a wildcard");
        assertFalse(AttributeMatching.matches("1CT1", null, false), "an absent value does not match a key");
    }

    @Test
    void matches_wildcards_starAnySequenceQuestionOneChar() {
        assertTrue(AttributeMatching.matches("1CT*", "1CT1", false));
        assertTrue(AttributeMatching.matches("*", "", false), "'*' matches the empty value");
        assertTrue(AttributeMatching.matches("?CT?", "1CT1", false));
        assertFalse(AttributeMatching.matches("?CT", "1CT1", false), "'?' is exactly one character");
        assertTrue(AttributeMatching.matches("A*C", "ABBBC", false));
        assertTrue(AttributeMatching.matches("a.c*", "a.cd", false), "regex characters are literal");
        assertFalse(AttributeMatching.matches("a.c*", "abcd", false), "'.' is not a wildcard");
    }

    @Test
    void matchesPersonName_isCaseInsensitiveWithWildcards() {
        assertTrue(AttributeMatching.matchesPersonName("smith^john", "SMITH^JOHN"));
        assertTrue(AttributeMatching.matchesPersonName("SMI*", "Smith^John"));
        assertTrue(AttributeMatching.matchesPersonName("*john", "Smith^John"));
        assertFalse(AttributeMatching.matchesPersonName("Smith", "Smith^John"), "no implicit trailing wildcard");
    }

    @Test
    void matchesPersonName_anyComponentGroup() {
        String pn = "Yamada^Tarou=山田^太郎=やまだ^たろう";
        assertTrue(AttributeMatching.matchesPersonName("山田*", pn), "ideographic group");
        assertTrue(AttributeMatching.matchesPersonName("やまだ^たろう", pn), "phonetic group");
        assertTrue(AttributeMatching.matchesPersonName("yamada^tarou", pn), "alphabetic group, case-insensitive");
        assertTrue(AttributeMatching.matchesPersonName("Yamada*", pn), "whole value with wildcard");
        assertFalse(AttributeMatching.matchesPersonName("Tanaka*", pn));
    }

    @Test
    void matchesAny_multiValuedStoredAttribute() {
        assertTrue(AttributeMatching.matchesAny(List.of("MR"), List.of("CT", "MR")));
        assertTrue(AttributeMatching.matchesAny(List.of("US", "CT"), List.of("CT")), "any key value");
        assertFalse(AttributeMatching.matchesAny(List.of("mr"), List.of("MR")), "CS is case-sensitive");
        assertTrue(AttributeMatching.matchesAny(List.of("C?"), List.of("CT")));
        assertTrue(AttributeMatching.matchesAny(List.of(), List.of()), "no key is universal");
        assertFalse(AttributeMatching.matchesAny(List.of("CT"), List.of()));
    }

    @Test
    void matchesUidList_listOfUidMatching() {
        assertTrue(AttributeMatching.matchesUidList(Set.of("1.2.3", "1.2.4"), "1.2.4"));
        assertFalse(AttributeMatching.matchesUidList(Set.of("1.2.3"), "1.2.33"));
        assertTrue(AttributeMatching.matchesUidList(Set.of(), "1.2.3"));
    }
}
