package org.imagingexchange.gateway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BodyLimitInputStreamTest {

    @Test
    void read_exactlyTheLimit_passes() throws IOException {
        try (InputStream in = new BodyLimitInputStream(new ByteArrayInputStream(new byte[1000]), 1000)) {
            assertEquals(1000, in.readAllBytes().length);
        }
    }

    @Test
    void read_beyondTheLimit_fails() {
        InputStream in = new BodyLimitInputStream(new ByteArrayInputStream(new byte[1001]), 1000);

        BodyLimitInputStream.BodyLimitExceededException e =
                assertThrows(BodyLimitInputStream.BodyLimitExceededException.class, in::readAllBytes);
        assertEquals(1000, e.limit());
    }

    @Test
    void read_singleBytesBeyondTheLimit_fails() throws IOException {
        InputStream in = new BodyLimitInputStream(new ByteArrayInputStream(new byte[3]), 2);

        in.read();
        in.read();
        assertThrows(BodyLimitInputStream.BodyLimitExceededException.class, in::read);
    }
}
