package org.imagingexchange.dicom.net;

import org.imagingexchange.dicom.DicomDataset;

/**
 * The header of an instance received by the C-STORE SCP: every data element up to, not including,
 * Pixel Data (7FE0,0010) and its float variants, text already decoded from the Specific Character
 * Set (PS3.5 §6.1) to Java strings. The pixels are never handed on.
 *
 * @param sopClassUid       Affected SOP Class UID of the C-STORE-RQ
 * @param sopInstanceUid    Affected SOP Instance UID of the C-STORE-RQ
 * @param transferSyntaxUid transfer syntax the data set arrived in
 * @param attributes        the header data set, owned by the handler
 */
public record InstanceHeader(String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
        DicomDataset attributes) {
}
