package org.imagingexchange.retrieval.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.imagingexchange.testsupport.MultipartRelatedReader;
import org.junit.jupiter.api.Test;

class MultipartPipeTest {

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    @Test
    void body_twoPartsAndFinish_isMultipartRelatedWithEachPartUnchanged() throws Exception {
        MultipartPipe pipe = new MultipartPipe("b0undary", 1000, 4, Duration.ofSeconds(10));
        byte[] first = bytes(5000, 1);
        byte[] second = bytes(17, 2);
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try {
                pipe.part("1.2.840.10008.1.2.1", new ByteArrayInputStream(first));
                pipe.part("1.2.840.10008.1.2.4.90", new ByteArrayInputStream(second));
                pipe.finish();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        List<MultipartRelatedReader.Part> parts = MultipartRelatedReader.readAll(pipe.body(), pipe.contentType());
        producer.join();
        assertEquals(2, parts.size(), "one part per instance");
        assertArrayEquals(first, parts.get(0).content(), "first part byte-identical");
        assertArrayEquals(second, parts.get(1).content(), "second part byte-identical");
        assertEquals("application/dicom; transfer-syntax=1.2.840.10008.1.2.4.90", parts.get(1).contentType());
    }

    @Test
    void read_afterFail_throwsAndNeverEnds() throws Exception {
        MultipartPipe pipe = new MultipartPipe("b", 100, 4, Duration.ofSeconds(10));
        pipe.fail(new IOException("association aborted"));
        IOException e = assertThrows(IOException.class, () -> pipe.body().readAllBytes());
        assertEquals("association aborted", e.getMessage());
    }

    @Test
    void part_readerClosed_throws() throws Exception {
        MultipartPipe pipe = new MultipartPipe("b", 100, 4, Duration.ofSeconds(10));
        pipe.body().close();
        assertThrows(IOException.class, () -> pipe.part("1.2.840.10008.1.2", new ByteArrayInputStream(bytes(10, 0))));
    }

    @Test
    void part_readerIdleWithFullPipe_throwsAfterIdleTimeout() {
        MultipartPipe pipe = new MultipartPipe("b", 10, 2, Duration.ofMillis(200));
        IOException e = assertThrows(IOException.class,
                () -> pipe.part("1.2.840.10008.1.2", new ByteArrayInputStream(bytes(1000, 0))));
        assertTrue(e.getMessage().contains("read nothing"), "the pipe holds at most its capacity: " + e.getMessage());
    }

    @Test
    void read_producerSilent_throwsAfterIdleTimeout() {
        MultipartPipe pipe = new MultipartPipe("b", 10, 2, Duration.ofMillis(200));
        InputStream body = pipe.body();
        assertThrows(IOException.class, body::read);
    }
}
