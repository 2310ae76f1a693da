package org.imagingexchange.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CorrelationIdsTest {

    @Test
    void accept_safeId_kept() {
        assertEquals("req-1.A_b", CorrelationIds.accept("req-1.A_b"));
    }

    @Test
    void accept_absent_generatesUuid() {
        String id = CorrelationIds.accept(null);

        assertEquals(id, UUID.fromString(id).toString(), "a generated id is a UUID");
    }

    @Test
    void accept_unsafeOrTooLong_replaced() {
        String injected = "abc\r\nSet-Cookie: x=1";
        String tooLong = "a".repeat(65);

        assertNotEquals(injected, CorrelationIds.accept(injected), "header injection must not be echoed");
        assertNotEquals(tooLong, CorrelationIds.accept(tooLong));
        assertTrue(CorrelationIds.accept("").length() == 36, "an empty id is replaced by a UUID");
    }
}
