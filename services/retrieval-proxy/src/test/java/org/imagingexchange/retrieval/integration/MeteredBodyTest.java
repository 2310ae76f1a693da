package org.imagingexchange.retrieval.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MeteredBodyTest {

    private final AtomicLong bytes = new AtomicLong();
    private final List<String> outcomes = new ArrayList<>();

    private MeteredBody metered(InputStream in) {
        return new MeteredBody(in, bytes::addAndGet, outcomes::add);
    }

    @Test
    void close_afterReadingToEnd_reportsCompleteOnceWithAllBytes() throws IOException {
        MeteredBody body = metered(new ByteArrayInputStream(new byte[100_000]));
        body.readAllBytes();
        body.close();
        body.close();
        assertEquals(100_000, bytes.get());
        assertEquals(List.of(MeteredBody.COMPLETE), outcomes);
    }

    @Test
    void close_beforeEnd_reportsAborted() throws IOException {
        MeteredBody body = metered(new ByteArrayInputStream(new byte[1000]));
        body.read(new byte[10]);
        body.close();
        assertEquals(10, bytes.get());
        assertEquals(List.of(MeteredBody.ABORTED), outcomes);
    }

    @Test
    void close_afterFailedRead_reportsFailed() throws IOException {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        MeteredBody body = metered(broken);
        assertThrows(IOException.class, () -> body.read(new byte[10]));
        body.close();
        assertEquals(List.of(MeteredBody.FAILED), outcomes);
    }
}
