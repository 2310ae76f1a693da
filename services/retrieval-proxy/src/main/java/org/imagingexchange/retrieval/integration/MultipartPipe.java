package org.imagingexchange.retrieval.integration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pipe that turns instances arriving on one thread (the C-GET association) into a
 * {@code multipart/related; type="application/dicom"} body (RFC 2387; PS3.18 §8.6.1.2) read on another (the
 * response writer). Each instance is one part with {@code Content-Type: application/dicom; transfer-syntax=<uid>}
 * and its Part 10 bytes. At most {@code capacity} chunks of {@code chunkBytes} wait in the pipe: a slow reader
 * slows the producer down, so a study is never held in memory.
 *
 * <p>Ends: {@link #finish()} writes the close delimiter and the end of stream; {@link #fail} makes the reader's
 * next read throw (the body then ends without its close delimiter, so the client sees a truncated multipart);
 * {@link #body()}'s close discards what waits and makes the producer's next write throw. Either side gives up
 * when the other has not moved for {@code idleTimeout}. One producer thread, one reader thread.
 */
final class MultipartPipe {

    private static final byte[] END = new byte[0];
    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);

    private final String boundary;
    private final int chunkBytes;
    private final Duration idleTimeout;
    private final BlockingQueue<byte[]> chunks;
    private volatile IOException failure;
    private volatile boolean readerClosed;
    private final Body body = new Body();

    /**
     * @param boundary    the multipart boundary (RFC 2046 §5.1.1: 1-70 characters, not in any part)
     * @param chunkBytes  bytes per chunk, &gt;= 1
     * @param capacity    chunks that may wait, &gt;= 1
     * @param idleTimeout longest wait of either side for the other
     */
    MultipartPipe(String boundary, int chunkBytes, int capacity, Duration idleTimeout) {
        this.boundary = boundary;
        this.chunkBytes = chunkBytes;
        this.idleTimeout = idleTimeout;
        this.chunks = new ArrayBlockingQueue<>(capacity);
    }

    /** @return the Content-Type of the body, with its boundary */
    String contentType() {
        return "multipart/related; type=\"application/dicom\"; boundary=" + boundary;
    }

    /**
     * Writes one part: delimiter, part headers, the Part 10 bytes (read to their end, not closed).
     *
     * @param transferSyntaxUid the instance's transfer syntax, for the part's Content-Type
     * @param part10            the Part 10 bytes
     * @throws IOException when the reader has gone or did not read for the idle timeout, or {@code part10} fails
     */
    void part(String transferSyntaxUid, InputStream part10) throws IOException {
        put(("\r\n--" + boundary + "\r\nContent-Type: application/dicom; transfer-syntax=" + transferSyntaxUid
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        while (true) {
            byte[] chunk = part10.readNBytes(chunkBytes);
            if (chunk.length == 0) {
                return;
            }
            put(chunk);
        }
    }

    /**
     * Writes the close delimiter and ends the body.
     *
     * @throws IOException when the reader has gone or did not read for the idle timeout
     */
    void finish() throws IOException {
        put(("\r\n--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
        put(CRLF);
        put(END);
    }

    /**
     * Ends the body with a failure: the reader's next read throws an IOException with this cause.
     *
     * @param cause what went wrong (for the log and the audit record; no patient data)
     */
    void fail(Exception cause) {
        failure = cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        chunks.offer(END);
    }

    /** The reader gives up: what waits is dropped and the producer's next write throws (as closing {@link #body()}). */
    void discard() {
        body.close();
    }

    /** @return true when the reader closed the body (or gave up) */
    boolean readerGone() {
        return readerClosed;
    }

    /** @return the reading side; closing it before the end discards the rest */
    InputStream body() {
        return body;
    }

    private void put(byte[] chunk) throws IOException {
        if (readerClosed) {
            throw new IOException("the client stopped reading");
        }
        try {
            if (!chunks.offer(chunk, idleTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("the client read nothing for " + idleTimeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing a part on");
        }
        if (readerClosed) {
            chunks.clear();
            throw new IOException("the client stopped reading");
        }
    }

    /** The reading side. */
    private final class Body extends InputStream {
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position == current.length) {
                if (!next()) {
                    return -1;
                }
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }

        private boolean next() throws IOException {
            if (failure != null) {
                throw failure;
            }
            if (ended) {
                return false;
            }
            byte[] chunk;
            try {
                chunk = chunks.poll(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the source archive");
            }
            if (failure != null) {
                throw failure;
            }
            if (chunk == null) {
                throw new IOException("the source archive sent nothing for " + idleTimeout.toSeconds() + " s");
            }
            if (chunk == END) {
                ended = true;
                return false;
            }
            current = chunk;
            position = 0;
            return true;
        }

        @Override
        public void close() {
            readerClosed = true;
            chunks.clear();
        }
    }
}
