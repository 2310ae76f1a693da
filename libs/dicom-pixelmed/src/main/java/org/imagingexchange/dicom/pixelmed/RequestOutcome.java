package org.imagingexchange.dicom.pixelmed;

import com.pixelmed.dicom.AttributeTagAttribute;

/**
 * The final status of one C-FIND, C-GET or C-MOVE request as PixelMed's response generators report
 * it (PS3.7 §9.1.2.1.6 Status, §C.4.1 Error Comment); SUCCESS until a failure is recorded. Used on
 * the association's thread only.
 */
abstract class RequestOutcome {

    private int status = org.imagingexchange.dicom.DimseStatus.SUCCESS.code();
    private String errorComment;

    /** Records the failure status and its comment (no patient data). */
    final void fail(int code, String comment) {
        status = code;
        errorComment = comment;
    }

    /** @return the status PixelMed sends in the final response */
    public final int getStatus() {
        return status;
    }

    /** @return no Offending Element: the adapter does not name one */
    public final AttributeTagAttribute getOffendingElement() {
        return null;
    }

    /** @return Error Comment (0000,0902), null on success */
    public final String getErrorComment() {
        return errorComment;
    }
}
