package org.imagingexchange.retrieval.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.imagingexchange.retrieval.domain.RetrievedBody;
import org.junit.jupiter.api.Test;

class UpstreamStreamingOutputTest {

    /** A source body that remembers whether it was closed. */
    private static final class TrackedStream extends ByteArrayInputStream {
        final AtomicBoolean closed = new AtomicBoolean();

        TrackedStream(byte[] data) {
            super(data);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void write_wholeBody_copiedByteForByteAndSourceClosed() throws IOException {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        TrackedStream source = new TrackedStream(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] contentType = new String[1];
        new UpstreamStreamingOutput(new RetrievedBody("s", "multipart/related; type=\"application/dicom\"; boundary=b1",
                data.length, source), 65536, ct -> contentType[0] = ct).write(out);
        assertArrayEquals(data, out.toByteArray());
        assertEquals("multipart/related; type=\"application/dicom\"; boundary=b1", contentType[0], "source header verbatim");
        assertTrue(source.closed.get(), "source body closed after streaming");
    }

    @Test
    void write_clientAborts_sourceClosedAndChunkBounded() {
        TrackedStream source = new TrackedStream(new byte[1_000_000]);
        OutputStream client = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                assertTrue(len <= 65536, "never more than one chunk at a time: " + len);
                throw new IOException("broken pipe");
            }
        };
        assertThrows(IOException.class,
                () -> new UpstreamStreamingOutput(new RetrievedBody("s", "application/dicom", -1, source), 65536, ct -> { })
                        .write(client));
        assertTrue(source.closed.get(), "source body closed when the client went away");
    }
}
