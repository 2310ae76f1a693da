package org.imagingexchange.dicom.pixelmed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.ArrayDeque;
import org.imagingexchange.dicom.DimseStatus;

/**
 * The accepted socket as PixelMed's association acceptor sees it: the A-ASSOCIATE-RQ the gate already
 * read is replayed first; incoming command sets are observed (to learn the Move Destination of a
 * C-MOVE-RQ, which PixelMed does not hand to the retrieve generator, and to take C-CANCEL-RQs, which
 * PixelMed does not know); outgoing C-STORE-RSP commands get the status the handler decided (PixelMed
 * always answers 0000), a final C-FIND-RSP after a C-CANCEL gets FE00, and final C-GET-RSP / C-MOVE-RSP
 * commands get the status and counts of {@link FinalRetrieveResponse}. Used by the one thread running
 * the association; {@link ScpConnection} holds the shared state.
 */
final class TappedSocket extends Socket {

    private final Socket socket;
    private final ObservingInput observed;
    private final InputStream in;
    private final OutputStream out;

    TappedSocket(Socket socket, byte[] associateRequest, ScpConnection connection) throws IOException {
        this.socket = socket;
        this.observed = new ObservingInput(socket.getInputStream(), connection);
        this.in = new SequenceInputStream(new ByteArrayInputStream(associateRequest), observed);
        this.out = new StatusRewritingOutput(socket.getOutputStream(), connection, this::halfClose);
    }

    /** Takes in, without blocking, what the peer has already sent (to see a C-CANCEL-RQ early). */
    void poll() throws IOException {
        observed.poll();
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

    /**
     * Delivers the incoming PDUs unchanged, except a P-DATA-TF carrying only a C-CANCEL-RQ (PS3.7
     * §9.3.2.3), which PixelMed does not understand: it is noted on the connection and dropped (a
     * C-CANCEL has no response). Notes the start (Message ID) of each C-FIND, C-GET and C-MOVE request
     * and the Move Destination of a C-MOVE-RQ. {@link #poll()} reads what has already arrived without
     * blocking, so a C-CANCEL is seen while PixelMed is busy sending.
     */
    private static final class ObservingInput extends InputStream {
        private final InputStream in;
        private final ScpConnection connection;
        private final UpperLayer.Framer framer;
        private final ByteArrayOutputStream pendingCommand = new ByteArrayOutputStream();
        private final ArrayDeque<byte[]> ready = new ArrayDeque<>();
        private final byte[] chunk = new byte[16_384];
        private int readyPosition;

        ObservingInput(InputStream in, ScpConnection connection) {
            this.in = in;
            this.connection = connection;
            this.framer = new UpperLayer.Framer(pdu -> {
                if (!isCancel(pdu)) {
                    ready.add(pdu);
                }
            });
        }

        /** @return true for a PDU that is one C-CANCEL-RQ (then noted and dropped) */
        private boolean isCancel(byte[] pdu) {
            if ((pdu[0] & 0xFF) != UpperLayer.P_DATA_TF) {
                return false;
            }
            boolean[] cancel = {false};
            UpperLayer.commands(pdu, pendingCommand, (command, offset) -> {
                int field = UpperLayer.unsignedShort(command, UpperLayer.COMMAND_FIELD);
                int messageId = UpperLayer.unsignedShort(command, UpperLayer.MESSAGE_ID);
                if (field == UpperLayer.C_CANCEL_RQ) {
                    connection.cancel(UpperLayer.unsignedShort(command, UpperLayer.MESSAGE_ID_BEING_RESPONDED_TO));
                    // One PDV holding the whole command: nothing else in this PDU for PixelMed.
                    cancel[0] = offset >= 0 && pdu.length == offset + command.length;
                } else if (field == UpperLayer.C_MOVE_RQ) {
                    connection.requestStarted(messageId);
                    connection.moveDestination(UpperLayer.text(command, UpperLayer.MOVE_DESTINATION));
                } else if (field == UpperLayer.C_FIND_RQ || field == UpperLayer.C_GET_RQ) {
                    connection.requestStarted(messageId);
                }
            });
            return cancel[0];
        }

        /** Takes in what the peer has sent so far, without blocking. */
        void poll() throws IOException {
            int available;
            while ((available = in.available()) > 0) {
                int n = in.read(chunk, 0, Math.min(chunk.length, available));
                if (n < 0) {
                    return;
                }
                framer.feed(chunk, 0, n);
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (ready.isEmpty()) {
                int n = in.read(chunk);
                if (n < 0) {
                    return -1;
                }
                framer.feed(chunk, 0, n);
            }
            byte[] head = ready.peek();
            int n = Math.min(len, head.length - readyPosition);
            System.arraycopy(head, readyPosition, b, off, n);
            readyPosition += n;
            if (readyPosition == head.length) {
                ready.poll();
                readyPosition = 0;
            }
            return n;
        }

        @Override
        public int available() {
            return ready.isEmpty() ? 0 : ready.peek().length - readyPosition;
        }

        @Override
        public void close() throws IOException {
            in.close();
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
            if (offset < 0) {
                return;
            }
            int field = UpperLayer.unsignedShort(command, UpperLayer.COMMAND_FIELD);
            if (field == UpperLayer.C_STORE_RSP) {
                int status = connection.takeStoreStatus();
                if (status >= 0) {
                    UpperLayer.putUnsignedShort(pdu, offset, command, UpperLayer.STATUS, status);
                }
                return;
            }
            int status = UpperLayer.unsignedShort(command, UpperLayer.STATUS);
            boolean pending = DimseStatus.categoryOf(status) == DimseStatus.Category.PENDING;
            if (field == UpperLayer.C_FIND_RSP && !pending && status == DimseStatus.SUCCESS.code()
                    && connection.cancelled()) {
                UpperLayer.putUnsignedShort(pdu, offset, command, UpperLayer.STATUS, DimseStatus.CANCEL.code());
            } else if ((field == UpperLayer.C_GET_RSP || field == UpperLayer.C_MOVE_RSP) && pending) {
                UpperLayer.putUnsignedShort(pdu, offset, command, UpperLayer.COMPLETED, FinalRetrieveResponse.pendingCompleted(
                        UpperLayer.unsignedShort(command, UpperLayer.COMPLETED), UpperLayer.unsignedShort(command, UpperLayer.FAILED),
                        UpperLayer.unsignedShort(command, UpperLayer.WARNING)));
            } else if (field == UpperLayer.C_GET_RSP || field == UpperLayer.C_MOVE_RSP) {
                connection.finalRetrieveResponse(new FinalRetrieveResponse(status,
                        UpperLayer.unsignedShort(command, UpperLayer.REMAINING),
                        UpperLayer.unsignedShort(command, UpperLayer.COMPLETED),
                        UpperLayer.unsignedShort(command, UpperLayer.FAILED),
                        UpperLayer.unsignedShort(command, UpperLayer.WARNING))).ifPresent(r -> {
                            UpperLayer.putUnsignedShort(pdu, offset, command, UpperLayer.STATUS, r.status());
                            UpperLayer.putUnsignedShort(pdu, offset, command, UpperLayer.REMAINING, r.remaining());
                            UpperLayer.putUnsignedShort(pdu, offset, command, UpperLayer.COMPLETED, r.completed());
                            UpperLayer.putUnsignedShort(pdu, offset, command, UpperLayer.FAILED, r.failed());
                        });
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
