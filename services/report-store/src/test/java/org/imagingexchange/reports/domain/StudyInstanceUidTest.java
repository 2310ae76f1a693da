package org.imagingexchange.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StudyInstanceUidTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2", "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322", "0.0", "2.25.0"})
    void valid_ps35Uid_true(String uid) {
        assertTrue(StudyInstanceUid.valid(uid), uid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1..2", "1.02", ".1.2", "1.2.", "1.2.a", "1.2 3",
            "1.2.3333333333333333333333333333333333333333333333333333333333333333"})
    void valid_malformed_false(String uid) {
        assertFalse(StudyInstanceUid.valid(uid), uid);
    }

    @Test
    void fromUrn_urnOid_uid() {
        assertEquals(Optional.of(new StudyInstanceUid("1.2.3")), StudyInstanceUid.fromUrn("urn:oid:1.2.3"));
        assertEquals(Optional.empty(), StudyInstanceUid.fromUrn("1.2.3"));
        assertEquals("urn:oid:1.2.3", new StudyInstanceUid("1.2.3").urn());
    }
}
