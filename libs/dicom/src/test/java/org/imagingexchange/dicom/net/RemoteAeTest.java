package org.imagingexchange.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.imagingexchange.dicom.AeTitle;
import org.junit.jupiter.api.Test;

class RemoteAeTest {

    @Test
    void address_plainAe_isDicomUri() {
        assertEquals("dicom://LEGACY_PACS@127.0.0.1:4243",
                new RemoteAe(new AeTitle("LEGACY_PACS"), "127.0.0.1", 4243).address());
    }

    @Test
    void fromAddress_ownForm_roundTrips() {
        for (RemoteAe ae : new RemoteAe[] {new RemoteAe(new AeTitle("LEGACY_PACS"), "pacs.example", 104),
                new RemoteAe(new AeTitle("A B@C:D"), "::1", 11112)}) {
            assertEquals(ae, RemoteAe.fromAddress(ae.address()).orElseThrow(), "round trip of " + ae.address());
        }
    }

    @Test
    void fromAddress_wadoUrl_isEmpty() {
        assertTrue(RemoteAe.fromAddress("http://127.0.0.1:8042/dicom-web").isEmpty(), "an http URL is no DIMSE address");
        assertTrue(RemoteAe.fromAddress(null).isEmpty(), "null is no DIMSE address");
    }

    @Test
    void fromAddress_missingParts_throws() {
        assertThrows(IllegalArgumentException.class, () -> RemoteAe.fromAddress("dicom://127.0.0.1:4243"));
        assertThrows(IllegalArgumentException.class, () -> RemoteAe.fromAddress("dicom://PACS@host:x"));
        assertThrows(IllegalArgumentException.class, () -> RemoteAe.fromAddress("dicom://PACS@host:0"));
    }
}
