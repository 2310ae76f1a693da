package org.imagingexchange.dicom.net;

import org.imagingexchange.dicom.AeTitle;

/**
 * Who is on the other end of an accepted association (PS3.8 §7.1.1), handed to every SCP handler so
 * it can act for the calling AE's configured organisation and name it as the network agent in audit.
 *
 * @param callingAeTitle the peer's AE title (already checked against the accepted list)
 * @param calledAeTitle  our AE title as the peer addressed it
 * @param remoteHost     the peer's IP address, as text
 */
public record AssociationInfo(AeTitle callingAeTitle, AeTitle calledAeTitle, String remoteHost) {
}
