package org.imagingexchange.gateway.integration;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a request body through, failing with {@link BodyLimitExceededException} as soon as more than
 * the limit has been read, so an oversized chunked upload is cut off while streaming instead of being
 * forwarded whole. Not thread-safe (one reader).
 */
public class BodyLimitInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    /**
     * @param in    the body stream; closed when this stream is closed
     * @param limit largest number of bytes allowed, in bytes
     */
    public BodyLimitInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) throws BodyLimitExceededException {
        count += n;
        if (count > limit) {
            throw new BodyLimitExceededException(limit);
        }
    }

    /** The body grew beyond the limit while streaming; the gateway answers 413. */
    public static class BodyLimitExceededException extends IOException {

        private static final long serialVersionUID = 1L;

        private final long limit;

        /** @param limit the limit that was exceeded, bytes */
        public BodyLimitExceededException(long limit) {
            super("request body exceeds " + limit + " bytes");
            this.limit = limit;
        }

        /** @return the limit, bytes */
        public long limit() {
            return limit;
        }
    }
}
