package org.imagingexchange.dicom.net;

import org.imagingexchange.dicom.DimseStatus;

/**
 * Outcome of an operation that transfers instances (C-GET, C-MOVE, a batch of C-STORE): the final
 * status and the sub-operation counts of PS3.4 §C.4.2.1.5 / §C.4.3.1.4 (Number of Completed,
 * Failed, Warning Sub-operations).
 *
 * @param status    final status; SUCCESS, SUB_OPERATIONS_COMPLETE_WITH_FAILURES or CANCEL
 * @param completed instances transferred with success
 * @param failed    instances that failed
 * @param warning   instances transferred with a warning
 */
public record TransferResult(DimseStatus status, int completed, int failed, int warning) {
}
