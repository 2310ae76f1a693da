package org.imagingexchange.dicom.net;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.imagingexchange.dicom.AeTitle;

/**
 * Configuration of an SCP node (PS3.8 §7.1.1): our AE title, where to listen, who may call, where
 * C-MOVE may send, and the handlers. A null handler means the service is not offered: its SOP
 * classes are answered with 0122 (SOP class not supported).
 *
 * @param aeTitle            our AE title; an association calling another title is rejected with
 *                           reason 7 (called AE title not recognized)
 * @param bindAddress        IP address to listen on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port               TCP port; 0 picks a free one (see {@link DimseScp#port()})
 * @param callingAeTitles    accepted calling AE titles; any other is rejected with reason 3
 *                           (calling AE title not recognized)
 * @param moveDestinations   C-MOVE destinations by AE title; others get status A801
 * @param store              C-STORE handler, may be null
 * @param find               C-FIND handler, may be null
 * @param get                C-GET handler, may be null
 * @param move               C-MOVE handler, may be null
 */
public record DimseScpConfig(AeTitle aeTitle, String bindAddress, int port, Set<AeTitle> callingAeTitles,
        Map<AeTitle, RemoteAe> moveDestinations, CStoreScpHandler store, CFindScpHandler find,
        CGetScpHandler get, CMoveScpHandler move) {

    /** @throws IllegalArgumentException when the port is out of range */
    public DimseScpConfig {
        Objects.requireNonNull(aeTitle, "aeTitle");
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a TCP port is 0-65535, got " + port);
        }
        callingAeTitles = Set.copyOf(callingAeTitles);
        moveDestinations = Map.copyOf(moveDestinations);
    }
}
