package org.imagingexchange.dicom.net;

import java.util.Objects;
import org.imagingexchange.dicom.AeTitle;

/**
 * A peer Application Entity and its presentation address (PS3.8 §7.1.1: AE title, host, TCP port).
 *
 * @param aeTitle the peer's AE title (the called AE title when we connect to it)
 * @param host    host name or IP address, not null
 * @param port    TCP port, 1-65535
 */
public record RemoteAe(AeTitle aeTitle, String host, int port) {

    /** @throws IllegalArgumentException when the port is out of range or the host is blank */
    public RemoteAe {
        Objects.requireNonNull(aeTitle, "aeTitle");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a remote AE needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a TCP port is 1-65535, got " + port);
        }
    }
}
