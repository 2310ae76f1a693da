package org.imagingexchange.gateway.it;

import java.io.InputStream;

/** A deterministic byte stream of a given length, generated on the fly (never held in memory). */
final class PatternInputStream extends InputStream {

    private final long size;
    private long position;

    PatternInputStream(long size) {
        this.size = size;
    }

    static int byteAt(long i) {
        return (int) ((i * 31 + (i >>> 11)) & 0xFF);
    }

    @Override
    public int read() {
        return position < size ? byteAt(position++) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(len, size - position);
        for (int k = 0; k < n; k++) {
            b[off + k] = (byte) byteAt(position++);
        }
        return n;
    }
}
