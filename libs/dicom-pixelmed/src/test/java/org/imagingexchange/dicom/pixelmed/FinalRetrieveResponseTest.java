package org.imagingexchange.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Final C-GET/C-MOVE response per PS3.4 C.4.2.3.1 / C.4.3.3.1 from PixelMed's counts. */
class FinalRetrieveResponseTest {

    /** PixelMed's final counts: every attempted sub-operation is "completed", the unattempted are "failed". */
    private static FinalRetrieveResponse pixelMed(int attempted, int failed, int warning) {
        return new FinalRetrieveResponse(0, 0, attempted, failed, warning);
    }

    @Test
    void of_allCompleted_success() {
        assertEquals(new FinalRetrieveResponse(0x0000, 0, 3, 0, 0), FinalRetrieveResponse.of(pixelMed(3, 0, 0), 3, false, 0));
    }

    @Test
    void of_someFailed_b000CompletedCountsSuccessesOnly() {
        assertEquals(new FinalRetrieveResponse(0xB000, 0, 2, 1, 0), FinalRetrieveResponse.of(pixelMed(3, 1, 0), 3, false, 0));
    }

    @Test
    void of_warningsOnly_b000() {
        assertEquals(new FinalRetrieveResponse(0xB000, 0, 1, 0, 1), FinalRetrieveResponse.of(pixelMed(2, 0, 1), 2, false, 0));
    }

    @Test
    void of_allFailed_a702() {
        assertEquals(new FinalRetrieveResponse(0xA702, 0, 0, 2, 0), FinalRetrieveResponse.of(pixelMed(2, 2, 0), 2, false, 0));
    }

    @Test
    void of_associationToDestinationFailed_everyInstanceFailedA702() {
        // PixelMed attempted nothing and folded both into "failed".
        assertEquals(new FinalRetrieveResponse(0xA702, 0, 0, 2, 0), FinalRetrieveResponse.of(pixelMed(0, 2, 0), 2, false, 0));
    }

    @Test
    void of_unavailableInstance_countedAsFailed() {
        assertEquals(new FinalRetrieveResponse(0xB000, 0, 2, 1, 0), FinalRetrieveResponse.of(pixelMed(2, 0, 0), 2, false, 1));
    }

    @Test
    void of_cancelled_remainingNotCountedAsFailed() {
        // 5 instances: 2 sent, PixelMed folded the 3 it never attempted into "failed".
        assertEquals(new FinalRetrieveResponse(0xFE00, 3, 2, 0, 0), FinalRetrieveResponse.of(pixelMed(2, 3, 0), 5, true, 0));
    }

    @Test
    void of_cancelledWithAnEarlierFailure_failureKept() {
        assertEquals(new FinalRetrieveResponse(0xFE00, 2, 1, 1, 0), FinalRetrieveResponse.of(pixelMed(2, 3, 0), 4, true, 0));
    }

    @Test
    void pendingCompleted_failuresAndWarningsTakenOut() {
        assertEquals(1, FinalRetrieveResponse.pendingCompleted(3, 1, 1));
    }
}
