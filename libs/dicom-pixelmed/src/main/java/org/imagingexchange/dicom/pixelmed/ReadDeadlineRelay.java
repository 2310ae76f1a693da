package org.imagingexchange.dicom.pixelmed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.imagingexchange.dicom.net.RemoteAe;

/**
 * A loopback TCP relay between PixelMed's SCU and one remote AE that gives each association a connect
 * timeout and a read deadline: PixelMed connects to {@link #local()} (127.0.0.1, an ephemeral port), the relay
 * connects to the remote AE and copies bytes both ways, unchanged (the DICOM upper layer, PS3.8 §9, passes
 * through untouched, so PDU sizes and presentation contexts are PixelMed's own).
 *
 * <p>Why a relay: PixelMed (20220618) opens the SCU socket itself, in {@code AssociationInitiator}
 * ({@code new Socket(host, port)}: no connect timeout, no {@code SO_TIMEOUT}, no socket factory), and reads the
 * A-ASSOCIATE-AC inside that constructor; {@code GetSOPClassSCU} has no constructor taking an association; the
 * socket of an {@code Association} is a protected field. Setting {@code SO_TIMEOUT} on an association handed to
 * {@code FindSOPClassSCU} / {@code MoveSOPClassSCU} would leave association establishment unbounded, and C-GET
 * would need PixelMed's C-GET loop (its C-STORE sub-operations on the same association) re-implemented, or
 * reflection into PixelMed's fields. The relay bounds all SCUs alike with public API only, at the cost of one
 * loopback copy (small beside PixelMed writing each C-GET instance to a file and reading it back).
 *
 * <p>The deadline is an idle timeout: the association is cut (both connections closed, which PixelMed reports as
 * a lost connection) when the remote has sent nothing for the read timeout while nothing went to it either. So
 * waiting for an A-ASSOCIATE-AC, a C-FIND-RSP, a C-GET-RSP or the next C-STORE-RQ of a C-GET is bounded, while a
 * long upload to the remote, or a consumer slow to take C-GET data (the relay then stops reading), is not taken
 * for a stalled peer. A connect that does not complete within the timeout counts as timed out too; a refused
 * connect is a {@link #connectFailure()}.
 *
 * <p>One relay per SCU call. It accepts as many connections as the call opens: one, or for C-STORE one per round;
 * the loopback port is open only while the call runs, and a single-association call closes it once PixelMed has
 * connected, so no other local process can take the association (and with it, for C-GET, the instances) in its
 * place. Threads: one accepting, two per connection, from a shared pool of daemon threads. Thread-safe.
 */
final class ReadDeadlineRelay implements AutoCloseable {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final ExecutorService PUMPS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dimse-relay-" + THREAD_NUMBER.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final RemoteAe remote;
    private final int timeoutMillis;
    private final ServerSocket listener;
    private final boolean oneConnection;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean timedOut;
    private volatile IOException connectFailure;
    private volatile boolean closed;

    /**
     * Starts listening on loopback.
     *
     * @param remote        the AE to relay to
     * @param readTimeout   connect timeout and longest silence of the remote, at least 1 ms
     * @param oneConnection true when the call opens one association: the port closes after the first connection
     * @throws IOException when no loopback port can be opened
     */
    ReadDeadlineRelay(RemoteAe remote, Duration readTimeout, boolean oneConnection) throws IOException {
        this.remote = remote;
        this.oneConnection = oneConnection;
        this.timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
        this.listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        PUMPS.execute(this::accept);
    }

    /** @return the AE PixelMed calls: the remote's AE title at the relay's loopback address */
    RemoteAe local() {
        return new RemoteAe(remote.aeTitle(), listener.getInetAddress().getHostAddress(), listener.getLocalPort());
    }

    /** @return true when a connection was cut because the remote was silent for the read timeout */
    boolean timedOut() {
        return timedOut;
    }

    /** @return why connecting to the remote failed (other than by timeout), null when it did not */
    IOException connectFailure() {
        return connectFailure;
    }

    /** @return the read timeout in milliseconds */
    int timeoutMillis() {
        return timeoutMillis;
    }

    /** Stops listening and closes every connection still open. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }

    private void accept() {
        while (!closed) {
            Socket local;
            try {
                local = listener.accept();
            } catch (IOException e) {
                return;
            }
            sockets.add(local);
            if (closed) {
                closeQuietly(local);
                return;
            }
            PUMPS.execute(() -> relay(local));
            if (oneConnection) {
                closeQuietly(listener);
                return;
            }
        }
    }

    /** Connects to the remote, then copies remote-to-local on this thread and local-to-remote on another. */
    private void relay(Socket local) {
        Socket upstream = new Socket();
        sockets.add(upstream);
        try {
            upstream.connect(new InetSocketAddress(remote.host(), remote.port()), timeoutMillis);
            upstream.setTcpNoDelay(true);
            local.setTcpNoDelay(true);
        } catch (SocketTimeoutException e) {
            timedOut = true;
            cut(local, upstream);
            return;
        } catch (IOException e) {
            connectFailure = e;
            cut(local, upstream);
            return;
        }
        AtomicLong lastActivity = new AtomicLong(System.nanoTime());
        PUMPS.execute(() -> toRemote(local, upstream, lastActivity));
        fromRemote(upstream, local, lastActivity);
    }

    private void fromRemote(Socket upstream, Socket local, AtomicLong lastActivity) {
        byte[] buffer = new byte[BUFFER_BYTES];
        long timeoutNanos = timeoutMillis * 1_000_000L;
        try {
            InputStream in = upstream.getInputStream();
            OutputStream out = local.getOutputStream();
            int soTimeout = timeoutMillis;
            upstream.setSoTimeout(soTimeout);
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    // Silent for SO_TIMEOUT; but if PixelMed sent meanwhile, the silence counts from then.
                    long idle = System.nanoTime() - lastActivity.get();
                    if (idle < timeoutNanos) {
                        soTimeout = (int) Math.max(1, (timeoutNanos - idle) / 1_000_000L);
                        upstream.setSoTimeout(soTimeout);
                        continue;
                    }
                    timedOut = true;
                    cut(local, upstream);
                    return;
                }
                if (n < 0) {
                    local.shutdownOutput();
                    return;
                }
                out.write(buffer, 0, n);
                lastActivity.set(System.nanoTime());
                if (soTimeout != timeoutMillis) {
                    soTimeout = timeoutMillis;
                    upstream.setSoTimeout(soTimeout);
                }
            }
        } catch (IOException e) {
            cut(local, upstream);
        }
    }

    private void toRemote(Socket local, Socket upstream, AtomicLong lastActivity) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try {
            InputStream in = local.getInputStream();
            OutputStream out = upstream.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                lastActivity.set(System.nanoTime());
            }
            upstream.shutdownOutput();
        } catch (IOException e) {
            cut(local, upstream);
        }
    }

    private void cut(Socket local, Socket upstream) {
        closeQuietly(upstream);
        closeQuietly(local);
        sockets.remove(upstream);
        sockets.remove(local);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed or reset: nothing left to release
        }
    }
}
