package org.imagingexchange.dicom.net;

import org.imagingexchange.dicom.AssociationRejectReason;
import org.imagingexchange.dicom.DimseStatus;

/**
 * The peer rejected our association request with an A-ASSOCIATE-RJ (PS3.8 §9.3.4), or accepted it
 * without any presentation context for the SOP class asked for (PS3.8 §9.3.3.2: then the status is
 * {@link DimseStatus#REFUSED_SOP_CLASS_NOT_SUPPORTED} and the reason is null).
 */
public class AssociationRejectedException extends DimseException {

    private final transient AssociationRejectReason reason;

    /**
     * @param reason  the reason from the A-ASSOCIATE-RJ PDU; null when unknown or not an RJ
     * @param message what was refused
     * @param cause   the toolkit's exception, may be null
     */
    public AssociationRejectedException(AssociationRejectReason reason, String message, Throwable cause) {
        super(DimseStatus.REFUSED_SOP_CLASS_NOT_SUPPORTED.code(), message, cause);
        this.reason = reason;
    }

    /** @return the rejection reason, null when unknown */
    public AssociationRejectReason reason() {
        return reason;
    }
}
