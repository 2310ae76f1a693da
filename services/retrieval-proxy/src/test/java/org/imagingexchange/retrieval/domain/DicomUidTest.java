package org.imagingexchange.retrieval.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DicomUidTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "1.2.840.10008.1.2.1", // PS3.5 Annex A Explicit VR Little Endian
            "1.2.840.10008.5.1.4.1.1.2", // CT Image Storage
            "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322", // study of the CT_small sample
            "2.25.329800735698586629295641978511506172918", // PS3.5 §B.2 UUID-derived UID
            "1.0.2", // a lone zero component is allowed
            "0"
    })
    void isValid_wellFormedUid_true(String uid) {
        assertTrue(DicomUid.isValid(uid), uid + " is a valid UID");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1.02.3", // leading zero in a component
            "01.2",
            "1..2", // empty component
            ".1.2",
            "1.2.",
            "1.2.a",
            "1.2 .3",
            "1.2.840.10008.1.2.1;DROP",
            "../etc/passwd",
            "" // empty
    })
    void isValid_malformedUid_false(String uid) {
        assertFalse(DicomUid.isValid(uid), "'" + uid + "' must be rejected");
    }

    @Test
    void isValid_sixtyFourCharacters_trueButSixtyFiveFalse() {
        String sixtyFour = "1." + "2".repeat(62);
        assertEquals(64, sixtyFour.length());
        assertTrue(DicomUid.isValid(sixtyFour), "64 characters are allowed");
        assertFalse(DicomUid.isValid(sixtyFour + "3"), "65 characters exceed PS3.5 §9.1");
    }

    @Test
    void isValid_null_false() {
        assertFalse(DicomUid.isValid(null));
    }

    @Test
    void require_invalid_throws400NamingParameter() {
        InvalidUidException e = assertThrows(InvalidUidException.class, () -> DicomUid.require("series", "1.02"));
        assertEquals(400, e.status());
        assertEquals("series", e.issues().get(0).location());
        assertTrue(e.detail().contains("'series'"), "detail names the parameter: " + e.detail());
    }

    @Test
    void require_hugeValue_detailIsTruncated() {
        InvalidUidException e = assertThrows(InvalidUidException.class, () -> DicomUid.require("study", "x".repeat(5000)));
        assertTrue(e.detail().length() < 400, "detail does not mirror huge input: " + e.detail().length());
    }
}
