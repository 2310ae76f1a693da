package org.imagingexchange.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.imagingexchange.dicom.net.DimseScp;
import org.junit.jupiter.api.Test;

/** C-ECHO and association acceptance of the PixelMed SCP node against DCMTK echoscu on loopback. */
class AssociationIT {

    private static final String HOST = "127.0.0.1";

    private static String port() {
        return String.valueOf(TestNode.scpPort());
    }

    @Test
    void echo_knownCallingAe_success() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, null, null, null))) {
            Dcmtk.Run run = Dcmtk.run("echoscu", "-v", "-aet", "ECHOSCU", "-aec", "EXCHANGE", HOST, port());
            assertEquals(0, run.exitCode(), () -> "echoscu should succeed:\n" + run.output());
            assertTrue(run.output().contains("Received Echo Response (Success)"), run.output());
        }
    }

    @Test
    void echo_unknownCallingAe_rejectedCallingAeNotRecognized() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, null, null, null))) {
            Dcmtk.Run run = Dcmtk.run("echoscu", "-aet", "STRANGER", "-aec", "EXCHANGE", HOST, port());
            assertNotEquals(0, run.exitCode(), "an unknown calling AE must not get an association");
            assertTrue(run.output().contains("Calling AE Title Not Recognized"),
                    () -> "expected reject reason 3 (calling AE title not recognized):\n" + run.output());
        }
    }

    @Test
    void echo_wrongCalledAe_rejectedCalledAeNotRecognized() throws Exception {
        try (DimseScp scp = PixelMedDimseScp.start(TestNode.config(null, null, null, null))) {
            Dcmtk.Run run = Dcmtk.run("echoscu", "-aet", "ECHOSCU", "-aec", "SOMEONE_ELSE", HOST, port());
            assertNotEquals(0, run.exitCode());
            assertTrue(run.output().contains("Called AE Title Not Recognized"),
                    () -> "expected reject reason 7 (called AE title not recognized):\n" + run.output());
        }
    }

    @Test
    void port_zero_picksAFreePortThatAnswers() throws Exception {
        var config = new org.imagingexchange.dicom.net.DimseScpConfig(TestNode.EXCHANGE, HOST, 0, TestNode.CALLERS,
                java.util.Map.of(), null, null, null, null);
        try (DimseScp scp = PixelMedDimseScp.start(config)) {
            assertTrue(scp.port() > 0, "a bound port is reported");
            Dcmtk.Run run = Dcmtk.run("echoscu", "-aet", "ECHOSCU", "-aec", "EXCHANGE", HOST, String.valueOf(scp.port()));
            assertEquals(0, run.exitCode(), run.output());
        }
    }
}
