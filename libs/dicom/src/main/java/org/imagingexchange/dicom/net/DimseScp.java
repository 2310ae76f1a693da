package org.imagingexchange.dicom.net;

/**
 * A running SCP node: accepts associations on its port and dispatches C-ECHO, C-STORE, C-FIND,
 * C-GET and C-MOVE to the handlers of its {@link DimseScpConfig}. Created started by the adapter
 * ({@code PixelMedDimseScp.start}); {@link #close()} stops listening and waits briefly for running
 * associations to end. Thread-safe.
 */
public interface DimseScp extends AutoCloseable {

    /** @return the TCP port actually listened on (useful when configured with 0) */
    int port();

    /** Stops accepting associations and releases the port. Idempotent. */
    @Override
    void close();
}
