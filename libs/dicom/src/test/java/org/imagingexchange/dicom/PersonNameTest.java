package org.imagingexchange.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void parse_japaneseExampleOfPs35H31_threeGroups() {
        PersonName pn = PersonName.parse("Yamada^Tarou=山田^太郎=やまだ^たろう");
        assertEquals("Yamada^Tarou", pn.alphabetic());
        assertEquals("山田^太郎", pn.ideographic());
        assertEquals("やまだ^たろう", pn.phonetic());
        assertEquals("Yamada", pn.familyName());
    }

    @Test
    void parse_koreanExampleOfPs35I2_threeGroups() {
        PersonName pn = PersonName.parse("Hong^Gildong=洪^吉洞=홍^길동");
        assertEquals("洪^吉洞", pn.ideographic());
        assertEquals("홍^길동", pn.phonetic());
        assertEquals("Hong^Gildong=洪^吉洞=홍^길동", pn.toDicomString());
    }

    @Test
    void toDicomString_onlyIdeographic_keepsEmptyAlphabeticGroup() {
        PersonName pn = new PersonName(null, "王^小東", null);
        assertEquals("=王^小東", pn.toDicomString());
        assertEquals(pn, PersonName.parse("=王^小東"));
    }

    @Test
    void toDicomString_phoneticWithoutIdeographic_keepsBothSeparators() {
        assertEquals("Wang=" + "=wang", new PersonName("Wang", null, "wang").toDicomString());
    }

    @Test
    void parse_empty_allGroupsAbsent() {
        assertTrue(PersonName.parse("").isEmpty());
        assertNull(PersonName.parse(null).familyName());
    }
}
