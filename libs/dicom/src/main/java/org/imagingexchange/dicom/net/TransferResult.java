package org.imagingexchange.dicom.net;

import org.imagingexchange.dicom.DimseStatus;

/**
 * Outcome of an operation that transfers instances (C-GET, C-MOVE, a batch of C-STORE): the final
 * status and the sub-operation counts of PS3.4 §C.4.2.1.5 / §C.4.3.1.4 (Number of Completed,
 * Failed, Warning Sub-operations).
 *
 * @param status    final status; SUCCESS, SUB_OPERATIONS_COMPLETE_WITH_FAILURES or CANCEL
 * @param completed instances transferred with success; -1 when the adapter cannot know (C-MOVE
 *                  over PixelMed)
 * @param failed    instances that failed; -1 when unknown
 * @param warning   instances transferred with a warning; -1 when unknown
 */
public record TransferResult(DimseStatus status, int completed, int failed, int warning) {
}
