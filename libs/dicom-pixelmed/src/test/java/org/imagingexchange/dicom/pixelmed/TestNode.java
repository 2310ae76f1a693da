package org.imagingexchange.dicom.pixelmed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagingexchange.dicom.AeTitle;
import org.imagingexchange.dicom.net.CFindScpHandler;
import org.imagingexchange.dicom.net.CGetScpHandler;
import org.imagingexchange.dicom.net.CMoveScpHandler;
import org.imagingexchange.dicom.net.CStoreScpHandler;
import org.imagingexchange.dicom.net.DimseScpConfig;
import org.imagingexchange.dicom.net.RemoteAe;
import org.imagingexchange.dicom.net.RetrievableInstance;

/** Ports, AE titles and configuration of the SCP under test (ports from this module's range). */
final class TestNode {

    static final AeTitle EXCHANGE = new AeTitle("EXCHANGE");
    static final AeTitle STORESCP = new AeTitle("STORESCP");
    /** AE titles the DCMTK tools and Orthanc call with. */
    static final Set<AeTitle> CALLERS = Set.of(new AeTitle("STORESCU"), new AeTitle("FINDSCU"),
            new AeTitle("GETSCU"), new AeTitle("MOVESCU"), new AeTitle("ECHOSCU"), new AeTitle("ORTHANC_IT"),
            new AeTitle("EXCHANGE_SCU"));

    private TestNode() {
    }

    static int portBase() {
        return Integer.getInteger("it.dimse.port.base", 21100);
    }

    /** @return the SCP's port */
    static int scpPort() {
        return portBase();
    }

    /** @return the port of the storescp started as C-MOVE destination */
    static int storescpPort() {
        return portBase() + 1;
    }

    static DimseScpConfig config(CStoreScpHandler store, CFindScpHandler find, CGetScpHandler get,
            CMoveScpHandler move) {
        return new DimseScpConfig(EXCHANGE, "127.0.0.1", scpPort(), CALLERS,
                Map.of(STORESCP, new RemoteAe(STORESCP, "127.0.0.1", storescpPort())), store, find, get, move);
    }

    /** A retrievable sample file. */
    static RetrievableInstance file(Path path, String sopInstanceUid) {
        return new RetrievableInstance() {
            @Override
            public String sopInstanceUid() {
                return sopInstanceUid;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(path);
            }
        };
    }

    static List<String> lines(String output) {
        return output.lines().toList();
    }
}
