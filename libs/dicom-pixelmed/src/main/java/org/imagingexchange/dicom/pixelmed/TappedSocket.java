package org.imagingexchange.dicom.pixelmed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * The accepted socket as PixelMed's association acceptor sees it: the A-ASSOCIATE-RQ the gate already
 * read is replayed first; incoming command sets are observed (to learn the Move Destination of a
 * C-MOVE-RQ, which PixelMed does not hand to the retrieve generator); outgoing C-STORE-RSP commands
 * get the status the handler decided (PixelMed always answers 0000). Used by the one thread running
 * the association; {@link ScpConnection} holds the shared state.
 */
final class TappedSocket extends Socket {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    TappedSocket(Socket socket, byte[] associateRequest, ScpConnection connection) throws IOException {
        this.socket = socket;
        this.in = new SequenceInputStream(new ByteArrayInputStream(associateRequest),
                new ObservingInput(socket.getInputStream(), connection));
        this.out = new StatusRewritingOutput(socket.getOutputStream(), connection, this::halfClose);
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public synchronized void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected();
    }

    @Override
    public InetAddress getInetAddress() {
        return socket.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getPort() {
        return socket.getPort();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return socket.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return socket.getLocalSocketAddress();
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        socket.setSoTimeout(timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
        return socket.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        socket.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return socket.getTcpNoDelay();
    }

    @Override
    public synchronized void setReceiveBufferSize(int size) throws SocketException {
        socket.setReceiveBufferSize(size);
    }

    @Override
    public synchronized int getReceiveBufferSize() throws SocketException {
        return socket.getReceiveBufferSize();
    }

    @Override
    public synchronized void setSendBufferSize(int size) throws SocketException {
        socket.setSendBufferSize(size);
    }

    @Override
    public synchronized int getSendBufferSize() throws SocketException {
        return socket.getSendBufferSize();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        socket.setSoLinger(on, linger);
    }

    @Override
    public void shutdownInput() throws IOException {
        socket.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        if (!socket.isOutputShutdown()) {
            socket.shutdownOutput();
        }
    }

    @Override
    public boolean isOutputShutdown() {
        return socket.isOutputShutdown();
    }

    /**
     * After our A-RELEASE-RP the peer closes the transport connection (PS3.8 §9.1.4, AR-3), but
     * DCMTK first waits for our FIN while PixelMed sits out a fixed 5 s ARTIM in {@code wait()}:
     * send FIN at once and set the thread's interrupt flag, which ends that wait immediately (the
     * association is over either way; {@link ScpConnection} clears the flag).
     */
    private void halfClose() throws IOException {
        out.flush();
        shutdownOutput();
        Thread.currentThread().interrupt();
    }

    @Override
    public String toString() {
        return socket.toString();
    }

    /** An I/O step run after a PDU went out. */
    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    /** Passes bytes through unchanged and records the Move Destination of each C-MOVE-RQ. */
    private static final class ObservingInput extends FilterInputStream {
        private final UpperLayer.Framer framer;

        ObservingInput(InputStream in, ScpConnection connection) {
            super(in);
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            this.framer = new UpperLayer.Framer(pdu -> {
                if ((pdu[0] & 0xFF) == UpperLayer.P_DATA_TF) {
                    UpperLayer.commands(pdu, pending, (command, offset) -> {
                        if (UpperLayer.unsignedShort(command, UpperLayer.COMMAND_FIELD) == UpperLayer.C_MOVE_RQ) {
                            connection.moveDestination(UpperLayer.text(command, UpperLayer.MOVE_DESTINATION));
                        }
                    });
                }
            });
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                framer.feed(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                framer.feed(b, off, n);
            }
            return n;
        }
    }

    /** Forwards whole PDUs; in a C-STORE-RSP, replaces Status with the handler's decision. */
    private static final class StatusRewritingOutput extends OutputStream {
        private final OutputStream out;
        private final UpperLayer.Framer framer;
        private IOException failure;

        StatusRewritingOutput(OutputStream out, ScpConnection connection, IoAction afterReleaseResponse) {
            this.out = out;
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            this.framer = new UpperLayer.Framer(pdu -> {
                if ((pdu[0] & 0xFF) == UpperLayer.P_DATA_TF) {
                    UpperLayer.commands(pdu, pending, (command, offset) -> rewrite(pdu, command, offset, connection));
                }
                try {
                    out.write(pdu);
                    if ((pdu[0] & 0xFF) == UpperLayer.A_RELEASE_RP) {
                        out.flush();
                        afterReleaseResponse.run();
                    }
                } catch (IOException e) {
                    failure = e;
                }
            });
        }

        private static void rewrite(byte[] pdu, byte[] command, int offset, ScpConnection connection) {
            if (offset < 0 || UpperLayer.unsignedShort(command, UpperLayer.COMMAND_FIELD) != UpperLayer.C_STORE_RSP) {
                return;
            }
            int status = connection.takeStoreStatus();
            int[] at = UpperLayer.find(command, UpperLayer.STATUS);
            if (status >= 0 && at != null && at[1] == 2) {
                pdu[offset + at[0]] = (byte) status;
                pdu[offset + at[0] + 1] = (byte) (status >>> 8);
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            framer.feed(b, off, len);
            if (failure != null) {
                IOException e = failure;
                failure = null;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
