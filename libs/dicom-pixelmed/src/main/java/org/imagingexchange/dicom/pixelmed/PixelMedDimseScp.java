package org.imagingexchange.dicom.pixelmed;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.dicom.net.DimseScp;
import org.imagingexchange.dicom.net.DimseScpConfig;

/**
 * {@link DimseScp} on PixelMed: listens on the configured address and port (PixelMed's own
 * dispatcher binds every interface, so the accept loop is ours), accepts every storage SOP class in
 * every transfer syntax, compressed ones included
 * ({@code AnyExplicitStoreFindMoveGetPresentationContextSelectionPolicy}), plus Verification and
 * the Patient/Study Root Q/R SOP classes, and serves each association on its own thread
 * ({@link ScpConnection}). Received objects are spooled under a private temporary folder while
 * they are parsed and removed right after.
 */
public final class PixelMedDimseScp implements DimseScp {

    private static final Logger LOG = Logger.getLogger(PixelMedDimseScp.class.getName());
    private static final int BACKLOG = 50;

    private final ServerSocket server;
    private final ExecutorService associations;
    private final Thread acceptor;
    private final Path spoolRoot;
    private volatile boolean closed;

    private PixelMedDimseScp(DimseScpConfig config) throws IOException {
        ReleaseLogFilter.install();
        this.spoolRoot = Files.createTempDirectory("dimse-scp-");
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), BACKLOG);
        AtomicInteger n = new AtomicInteger();
        this.associations = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dimse-" + config.aeTitle().value() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(() -> accept(config), "dimse-accept-" + config.aeTitle().value());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts an SCP node.
     *
     * @param config AE title, address, port, accepted callers, C-MOVE destinations and handlers
     * @return the running node; close it to stop
     * @throws IOException when the address cannot be bound (port in use, unknown address)
     */
    public static PixelMedDimseScp start(DimseScpConfig config) throws IOException {
        return new PixelMedDimseScp(config);
    }

    private void accept(DimseScpConfig config) {
        while (!closed) {
            try {
                Socket socket = server.accept();
                associations.execute(new ScpConnection(socket, config, spoolRoot));
            } catch (SocketException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "DIMSE accept failed", e);
                }
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "DIMSE association not started", e);
                }
            }
        }
    }

    @Override
    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the listening socket", e);
        }
        try {
            // The JDK releases a socket closed while another thread is blocked in accept() only when that thread
            // returns: waiting for the acceptor means the port is free when close() returns (a node started
            // again on the same port right after would otherwise find it still bound).
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        associations.shutdown();
        try {
            if (!associations.awaitTermination(5, TimeUnit.SECONDS)) {
                associations.shutdownNow();
            }
        } catch (InterruptedException e) {
            associations.shutdownNow();
            Thread.currentThread().interrupt();
        }
        spoolRoot.toFile().delete();
    }
}
