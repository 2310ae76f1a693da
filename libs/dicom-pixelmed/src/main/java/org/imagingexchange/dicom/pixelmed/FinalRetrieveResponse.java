package org.imagingexchange.dicom.pixelmed;

import org.imagingexchange.dicom.DimseStatus;

/**
 * The final C-GET-RSP / C-MOVE-RSP as PS3.4 requires it (C.4.2.3.1, C.4.3.3.1; counts C.4.2.1.5,
 * C.4.3.1.4), computed from the counts PixelMed put in its final response. PixelMed counts every
 * attempted sub-operation as completed (failed and warning ones too), folds the sub-operations it
 * never attempted into the failed count, answers B000 when any failed and 0000 otherwise, and knows
 * neither C-CANCEL nor instances that could not be had before sending. Here: completed counts only
 * successes; FE00 after a C-CANCEL, with the sub-operations not attempted as Remaining (not as
 * failed); A702 when every sub-operation failed; B000 when one or more failed or ended with a
 * warning; else 0000. Pure.
 *
 * @param status    final status
 * @param remaining sub-operations not attempted (non-zero only after a C-CANCEL)
 * @param completed sub-operations that succeeded
 * @param failed    sub-operations that failed, including instances that could not be had
 * @param warning   sub-operations that ended with a warning
 */
record FinalRetrieveResponse(int status, int remaining, int completed, int failed, int warning) {

    /**
     * @param pixelMed    the counts of PixelMed's final response
     * @param total       sub-operations handed to PixelMed
     * @param cancelled   whether a C-CANCEL-RQ for the request arrived
     * @param unavailable instances left out before sending because they could not be had
     * @return the response to send
     */
    static FinalRetrieveResponse of(FinalRetrieveResponse pixelMed, int total, boolean cancelled, int unavailable) {
        int attempted = pixelMed.completed();
        int notAttempted = Math.max(0, total - attempted);
        int failedAttempted = Math.max(0, pixelMed.failed() - notAttempted);
        int completed = Math.max(0, attempted - failedAttempted - pixelMed.warning());
        int remaining = cancelled ? notAttempted : 0;
        int failed = failedAttempted + (cancelled ? 0 : notAttempted) + unavailable;
        int status;
        if (cancelled) {
            status = DimseStatus.CANCEL.code();
        } else if (failed > 0 && completed == 0 && pixelMed.warning() == 0) {
            status = DimseStatus.REFUSED_OUT_OF_RESOURCES_SUB_OPERATIONS.code();
        } else if (failed > 0 || pixelMed.warning() > 0) {
            status = DimseStatus.SUB_OPERATIONS_COMPLETE_WITH_FAILURES.code();
        } else {
            status = DimseStatus.SUCCESS.code();
        }
        return new FinalRetrieveResponse(status, remaining, completed, failed, pixelMed.warning());
    }

    /**
     * Number of Completed Sub-operations of a pending response, which PixelMed counts like its final one.
     *
     * @return the successes among PixelMed's "completed"
     */
    static int pendingCompleted(int pixelMedCompleted, int failed, int warning) {
        return Math.max(0, pixelMedCompleted - failed - warning);
    }
}
