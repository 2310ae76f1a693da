package org.imagingexchange.reports.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the log of HL7 v2 messages whose report was stored, so a resent message (same {@link MessageKey})
 * is acknowledged without storing its report twice. Implementations join the caller's transaction and
 * are thread-safe; recording a key twice fails (unique key), which the caller treats as a duplicate.
 */
public interface ReceivedMessages {

    /**
     * @param key the message identity
     * @return the id of the report stored for it; empty when the message was not received before
     */
    Optional<String> reportFor(MessageKey key);

    /**
     * @param key        the message identity
     * @param reportId   id of the report stored from it
     * @param receivedAt when it was stored
     * @throws RuntimeException (a persistence exception) when the key is already recorded
     */
    void record(MessageKey key, String reportId, Instant receivedAt);
}
