package org.imagingexchange.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DicomAttributeTest {

    @Test
    void dictionary_tagsAndKeywords_uniqueAndLookedUpBoth() {
        Set<Integer> tags = new HashSet<>();
        for (DicomAttribute a : DicomAttribute.values()) {
            assertEquals(true, tags.add(a.tag()), "duplicate tag " + Tag.toDisplay(a.tag()));
            assertEquals(a, DicomAttribute.byKeyword(a.keyword()).orElseThrow());
            assertEquals(a, DicomAttribute.byTag(a.tag()).orElseThrow());
        }
        assertEquals(0x0020000D, DicomAttribute.byKeyword("StudyInstanceUID").orElseThrow().tag());
    }

    @Test
    void aeTitle_spacesAndLimits_perPs35() {
        assertEquals("EXCHANGE", new AeTitle("  EXCHANGE ").value());
        assertThrows(IllegalArgumentException.class, () -> new AeTitle("    "));
        assertThrows(IllegalArgumentException.class, () -> new AeTitle("A_TITLE_OF_17_CHR"));
        assertThrows(IllegalArgumentException.class, () -> new AeTitle("BACK\\SLASH"));
    }

    @Test
    void tag_hexRoundTrip() {
        assertEquals("7FE00010", Tag.toHex(DicomAttribute.PIXEL_DATA.tag()));
        assertEquals(0x7FE00010, Tag.parseHex("7fe00010"));
        assertEquals("(0010,0010)", Tag.toDisplay(0x00100010));
        assertThrows(IllegalArgumentException.class, () -> Tag.parseHex("0010001"));
    }
}
