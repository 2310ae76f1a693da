package org.imagingexchange.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.imagingexchange.dicom.DimseStatus.Category;
import org.junit.jupiter.api.Test;

class DimseStatusTest {

    @Test
    void categoryOf_codesOfPs37AnnexC_classified() {
        assertEquals(Category.SUCCESS, DimseStatus.categoryOf(0x0000));
        assertEquals(Category.PENDING, DimseStatus.categoryOf(0xFF00));
        assertEquals(Category.PENDING, DimseStatus.categoryOf(0xFF01));
        assertEquals(Category.CANCEL, DimseStatus.categoryOf(0xFE00));
        assertEquals(Category.WARNING, DimseStatus.categoryOf(0xB000));
        assertEquals(Category.WARNING, DimseStatus.categoryOf(0xB007));
        assertEquals(Category.WARNING, DimseStatus.categoryOf(0x0107));
        assertEquals(Category.FAILURE, DimseStatus.categoryOf(0xA700));
        assertEquals(Category.FAILURE, DimseStatus.categoryOf(0xA801));
        assertEquals(Category.FAILURE, DimseStatus.categoryOf(0xC123), "Cxxx is 'cannot understand'");
        assertEquals(Category.FAILURE, DimseStatus.categoryOf(0x0122));
    }

    @Test
    void of_everyConstant_roundTripsByCode() {
        for (DimseStatus s : DimseStatus.values()) {
            assertEquals(s, DimseStatus.of(s.code()).orElseThrow(), s.name());
        }
        assertTrue(DimseStatus.of(0xC123).isEmpty());
        assertEquals("A900", DimseStatus.hex(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS.code()));
    }

    @Test
    void rejectReason_callingAeUnknown_isPermanentServiceUserReason3() {
        AssociationRejectReason r = AssociationRejectReason.CALLING_AE_TITLE_NOT_RECOGNIZED;
        assertEquals(1, r.result());
        assertEquals(1, r.source());
        assertEquals(3, r.reason());
        assertEquals(r, AssociationRejectReason.of(1, 1, 3).orElseThrow());
    }
}
