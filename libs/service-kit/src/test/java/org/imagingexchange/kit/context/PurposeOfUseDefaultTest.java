package org.imagingexchange.kit.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PurposeOfUseDefaultTest {

    @Test
    void purposeOfUse_statedInTheToken_kept() {
        assertEquals("ETREAT", RequestContextFilter.purposeOfUse("ETREAT"));
        assertEquals("HRESCH", RequestContextFilter.purposeOfUse("HRESCH"));
    }

    @Test
    void purposeOfUse_absentOrBlank_isTreatment() {
        assertEquals("TREAT", RequestContextFilter.purposeOfUse(null));
        assertEquals("TREAT", RequestContextFilter.purposeOfUse(" "));
    }
}
