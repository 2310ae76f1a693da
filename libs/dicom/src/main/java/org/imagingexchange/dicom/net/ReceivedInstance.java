package org.imagingexchange.dicom.net;

import java.io.InputStream;

/**
 * One instance received over DIMSE (C-STORE sub-operation of a C-GET), as a Part 10 stream (PS3.10
 * §7: preamble, File Meta Information, data set in the transfer syntax it arrived in).
 *
 * @param sopClassUid       SOP Class UID of the instance
 * @param sopInstanceUid    SOP Instance UID of the instance
 * @param transferSyntaxUid transfer syntax of the data set, unchanged (never decompressed)
 * @param part10            the Part 10 bytes; owned by the adapter: readable only during the
 *                          callback, closed by the adapter afterwards
 */
public record ReceivedInstance(String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
        InputStream part10) {
}
