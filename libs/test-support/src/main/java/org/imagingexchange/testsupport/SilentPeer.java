package org.imagingexchange.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A misbehaving TCP peer on an ephemeral loopback port, for read timeout tests: it accepts every connection,
 * optionally runs a greeting on it (e.g. accepting a DICOM association), then takes in everything sent and
 * never answers. Closing it closes the port and every connection. Thread-safe.
 */
public final class SilentPeer implements AutoCloseable {

    /** What the peer does on a new connection before going silent. */
    @FunctionalInterface
    public interface Greeting {
        /**
         * @param connection the accepted connection
         * @throws Exception when the greeting fails: the peer then goes silent at once
         */
        void greet(Socket connection) throws Exception;
    }

    private final ServerSocket server;
    private final Greeting greeting;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    private SilentPeer(Greeting greeting) throws IOException {
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.greeting = greeting;
        Thread acceptor = new Thread(this::accept, "silent-peer-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * @return a peer that never sends a byte
     * @throws IOException when no loopback port can be opened
     */
    public static SilentPeer start() throws IOException {
        return new SilentPeer(connection -> { });
    }

    /**
     * @param greeting what to send or negotiate on each connection before going silent
     * @return the peer
     * @throws IOException when no loopback port can be opened
     */
    public static SilentPeer start(Greeting greeting) throws IOException {
        return new SilentPeer(greeting);
    }

    /** @return the TCP port on 127.0.0.1 */
    public int port() {
        return server.getLocalPort();
    }

    /** @return connections accepted so far */
    public int connections() {
        return connections.size();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            connections.add(s);
            Thread t = new Thread(() -> swallow(s), "silent-peer-connection-" + s.getPort());
            t.setDaemon(true);
            t.start();
        }
    }

    private void swallow(Socket s) {
        try {
            greeting.greet(s);
        } catch (Exception e) {
            // the greeting failed (e.g. the caller left): stay silent all the same
        }
        try {
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // take in, never answer
            }
        } catch (IOException e) {
            // the caller or close() ended the connection
        }
    }
}
