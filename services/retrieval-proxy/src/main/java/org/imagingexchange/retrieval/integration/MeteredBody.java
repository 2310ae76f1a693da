package org.imagingexchange.retrieval.integration;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * A source body that reports the bytes read and, once, how it ended: {@code complete} (end of stream
 * reached), {@code failed} (a read failed) or {@code aborted} (closed before the end). Closing twice
 * is harmless. Not thread-safe: one reader.
 */
final class MeteredBody extends FilterInputStream {

    /** Outcome label: the whole body was read. */
    static final String COMPLETE = "complete";
    /** Outcome label: a read from the source failed. */
    static final String FAILED = "failed";
    /** Outcome label: closed before the end (client went away, or an error before streaming). */
    static final String ABORTED = "aborted";

    private final LongConsumer bytesRead;
    private final Consumer<String> closed;
    private final AtomicBoolean done = new AtomicBoolean();
    private String outcome = ABORTED;

    /**
     * @param body      the source body
     * @param bytesRead told the number of bytes of each successful read
     * @param closed    told the outcome once, on close
     */
    MeteredBody(InputStream body, LongConsumer bytesRead, Consumer<String> closed) {
        super(body);
        this.bytesRead = bytesRead;
        this.closed = closed;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = super.read(b, off, len);
            if (n > 0) {
                bytesRead.accept(n);
            } else if (n < 0) {
                outcome = COMPLETE;
            }
            return n;
        } catch (IOException e) {
            outcome = FAILED;
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping a streamed source body is not supported");
    }

    @Override
    public void close() throws IOException {
        if (done.compareAndSet(false, true)) {
            try {
                super.close();
            } finally {
                closed.accept(outcome);
            }
        }
    }
}
