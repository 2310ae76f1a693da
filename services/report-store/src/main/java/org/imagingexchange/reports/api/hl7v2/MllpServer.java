package org.imagingexchange.reports.api.hl7v2;

import ca.uhn.hl7v2.llp.ExtendedMinLLPReader;
import ca.uhn.hl7v2.llp.ExtendedMinLLPWriter;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MllpConstants;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A TCP listener speaking the Minimal Lower Layer Protocol (HL7 v2 Transport Specification, MLLP release 1:
 * each message framed as {@code <VT> message <FS><CR>}, answered on the same connection, one at a time).
 * Framing and character sets are HAPI's ({@link ExtendedMinLLPReader} reads MSH-18, ISO 8859-1 when the
 * sender declares none); accepting, connection limits and threads are the project's, so that the threads
 * are the application server's ({@link Executor} = a ManagedExecutorService) and the listener binds the
 * configured address only (HAPI's own server binds every interface). Thread-safe; {@link #close()} stops
 * accepting and closes every open connection.
 */
public final class MllpServer implements AutoCloseable {

    /** Listener settings. */
    public record Settings(String host, int port, int maxConnections, int idleTimeoutMillis, int maxMessageBytes) {
    }

    private static final Logger LOG = Logger.getLogger(MllpServer.class.getName());

    private final Settings settings;
    private final Executor executor;
    private final UnaryOperator<String> handler;
    private final Semaphore slots;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch acceptEnded = new CountDownLatch(1);
    private volatile ServerSocket server;

    /**
     * @param settings bind address, port, limits
     * @param executor runs the accept loop (one long task) and one task per connection
     * @param handler  message (ER7) to acknowledgement (ER7); must not throw
     */
    public MllpServer(Settings settings, Executor executor, UnaryOperator<String> handler) {
        this.settings = settings;
        this.executor = executor;
        this.handler = handler;
        this.slots = new Semaphore(settings.maxConnections());
    }

    /**
     * Binds and starts accepting.
     *
     * @throws IOException when the address cannot be bound (e.g. the port is in use)
     */
    public void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(settings.host(), settings.port()), 50);
        server = socket;
        executor.execute(this::acceptLoop);
    }

    /** @return true while bound and accepting */
    public boolean listening() {
        ServerSocket s = server;
        return s != null && s.isBound() && !s.isClosed();
    }

    private void acceptLoop() {
        try {
            accept(server);
        } finally {
            acceptEnded.countDown();
        }
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            Socket client;
            try {
                client = s.accept();
            } catch (IOException e) {
                if (!s.isClosed()) {
                    LOG.log(Level.WARNING, "MLLP accept failed", e);
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                LOG.warning("MLLP connection from " + client.getRemoteSocketAddress() + " refused: "
                        + settings.maxConnections() + " connections open");
                closeQuietly(client);
                continue;
            }
            open.add(client);
            try {
                executor.execute(() -> serve(client));
            } catch (RejectedExecutionException e) {
                release(client);
            }
        }
    }

    private void serve(Socket client) {
        try {
            client.setSoTimeout(settings.idleTimeoutMillis());
            client.setTcpNoDelay(true);
            ExtendedMinLLPReader reader = new ExtendedMinLLPReader(new FrameLimit(client.getInputStream(), settings.maxMessageBytes()),
                    StandardCharsets.ISO_8859_1);
            ExtendedMinLLPWriter writer = new ExtendedMinLLPWriter(client.getOutputStream(), StandardCharsets.ISO_8859_1);
            String message;
            while ((message = reader.getMessage()) != null) {
                writer.writeMessage(handler.apply(message));
            }
        } catch (SocketException | java.net.SocketTimeoutException e) {
            LOG.fine(() -> "MLLP connection " + client.getRemoteSocketAddress() + " ended: " + e.getMessage());
        } catch (IOException | LLPException e) {
            LOG.log(Level.INFO, "MLLP connection " + client.getRemoteSocketAddress() + " closed: " + e.getMessage());
        } finally {
            release(client);
        }
    }

    private void release(Socket client) {
        open.remove(client);
        closeQuietly(client);
        slots.release();
    }

    /** Stops accepting, closes every connection and waits (up to 10 s) until the port is released. */
    @Override
    public void close() {
        ServerSocket s = server;
        if (s == null) {
            return;
        }
        closeQuietly(s);
        open.forEach(MllpServer::closeQuietly);
        try {
            if (!acceptEnded.await(10, TimeUnit.SECONDS)) {
                LOG.warning("MLLP accept loop did not end within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }

    /** Fails the read when one frame (bytes up to the next end-block character) exceeds the limit. */
    static final class FrameLimit extends FilterInputStream {
        private final int limit;
        private int count;

        FrameLimit(InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                count(buffer[offset + i] & 0xff);
            }
            return n;
        }

        private void count(int b) throws IOException {
            if (b == MllpConstants.END_BYTE1) {
                count = 0;
            } else if (++count > limit) {
                throw new IOException("MLLP frame larger than " + limit + " bytes");
            }
        }
    }
}
