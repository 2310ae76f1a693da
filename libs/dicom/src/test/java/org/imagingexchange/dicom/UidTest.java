package org.imagingexchange.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UidTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "1.2.840.10008.1.2",                    // PS3.6 Annex A: Implicit VR Little Endian
            "1.2.840.10008.5.1.4.1.2.2.1",          // Study Root FIND
            "1.2.840.0.1",                          // a component may be "0"
            "0",
            "1.2.392.200036.9116.2.2.2.1762893313.1029997326.945873", // PS3.18 F.4 example
            "1.2.840.10008.5.1.4.1.1.2.1234567890.1234567890.1234567890.12345" // 64 characters
    })
    void isValid_ps35Uid_true(String uid) {
        assertTrue(Uid.isValid(uid), () -> "expected valid per PS3.5 §9.1: " + uid + " (" + uid.length() + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1.2.840.01",        // leading zero
            "1..2",              // empty component
            ".1.2",
            "1.2.",
            "1.2.a",             // not a digit
            "1.2 ",              // padding is not part of the value
            "1.2.840.10008.5.1.4.1.1.2.1234567890.1234567890.1234567890.123456" // 65 characters
    })
    void isValid_breaksPs35_false(String uid) {
        assertFalse(Uid.isValid(uid), () -> "expected invalid per PS3.5 §9.1: " + uid);
    }

    @Test
    void constructor_leadingZero_throwsWithReason() {
        InvalidUidException e = assertThrows(InvalidUidException.class, () -> new Uid("1.02"));
        assertEquals("1.02", e.rejectedValue());
        assertTrue(e.getMessage().contains("leading zero"), e.getMessage());
    }

    @Test
    void isValid_nullOrEmpty_false() {
        assertFalse(Uid.isValid(null));
        assertFalse(Uid.isValid(""));
        assertTrue(Uid.parse(null).isEmpty());
    }
}
